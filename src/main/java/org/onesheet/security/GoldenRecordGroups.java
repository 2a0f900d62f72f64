package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.mdm.model.mdmevents.MdmLinkEvent;
import ca.uhn.fhir.mdm.model.mdmevents.MdmLinkJson;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.onesheet.identity.Systems;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * A golden record (MDM's one resident across registrations) belongs to the groups of the registrations linked
 * to it: MDM creates it on its own, from no client's request, so it learns its groups as links are made. The
 * tags are added with {@code $meta-add}, which neither makes a new version nor races a clinic's update.
 */
@Component
public class GoldenRecordGroups {

	private final DaoRegistry daos;

	public GoldenRecordGroups(DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	/** MDM's own matching of a new or changed registration. */
	@Hook(Pointcut.MDM_AFTER_PERSISTED_RESOURCE_CHECKED)
	public void matched(MdmLinkEvent event) {
		event.getMdmLinks().forEach(this::spread);
	}

	/** A link made or changed by hand ($mdm-create-link, $mdm-update-link). */
	@Hook(Pointcut.MDM_POST_CREATE_LINK)
	public void created(MdmLinkEvent event) {
		event.getMdmLinks().forEach(this::spread);
	}

	@Hook(Pointcut.MDM_POST_UPDATE_LINK)
	public void updated(MdmLinkEvent event) {
		event.getMdmLinks().forEach(this::spread);
	}

	private void spread(MdmLinkJson link) {
		if (link.getSourceId() == null || link.getGoldenResourceId() == null
				|| !link.getGoldenResourceId().startsWith("Patient/")) {
			return;
		}
		Set<String> groups = new LinkedHashSet<>();
		StoredResources.find(daos, Patient.class, link.getSourceId()).ifPresent(source -> groups.addAll(GroupScope.groupsOf(source)));
		StoredResources.find(daos, Patient.class, link.getGoldenResourceId())
				.ifPresent(golden -> groups.removeAll(GroupScope.groupsOf(golden)));
		if (groups.isEmpty()) {
			return;
		}
		Meta meta = new Meta();
		groups.forEach(group -> meta.addTag().setSystem(Systems.COUNTY_GROUP).setCode(new IdType(group).getIdPart()));
		daos.getResourceDao(Patient.class).metaAddOperation(new IdType(link.getGoldenResourceId()).toUnqualifiedVersionless(),
				meta, new SystemRequestDetails());
	}
}
