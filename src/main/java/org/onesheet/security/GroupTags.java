package org.onesheet.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.group.GroupMembership;
import org.onesheet.identity.Systems;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * Marks each patient record with the county group(s) it belongs to ({@link Systems#COUNTY_GROUP} tags), as it
 * is written, so that reads and searches can be kept inside a group by an indexed tag rather than by walking
 * references. A client's write belongs to the client's group; a referral (Task, ServiceRequest) also to the
 * groups of the organisations it goes between, so that the receiving group sees it in its inbox. Tags a
 * client sends itself are ignored. The server's own writes (demo load, jobs) keep the tags they carry, or
 * take the group of the patient the resource is about, of the patient's managing organisation, or of the
 * client being served.
 */
@Component
public class GroupTags {

	private final GroupScope scope;
	private final GroupMembership membership;
	private final DaoRegistry daos;
	private final FhirContext fhir;

	public GroupTags(GroupScope scope, GroupMembership membership, DaoRegistry daos, FhirContext fhir,
			IInterceptorService storageInterceptors) {
		this.scope = scope;
		this.membership = membership;
		this.daos = daos;
		this.fhir = fhir;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = -50)
	public void created(RequestDetails request, IBaseResource resource) {
		tag(request, null, resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = -50)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		tag(request, previous, resource);
	}

	private void tag(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		if (!scope.isScoped(resource)) {
			return;
		}
		Optional<ActingClient> client = ActingClient.of(request);
		Set<String> groups = new LinkedHashSet<>();
		if (previous != null) {
			groups.addAll(GroupScope.groupsOf(previous));
		}
		if (client.isPresent()) {
			((Resource) resource).getMeta().getTag().removeIf(tag -> Systems.COUNTY_GROUP.equals(tag.getSystem()));
			Optional.ofNullable(client.get().group()).ifPresent(groups::add);
		} else {
			groups.addAll(GroupScope.groupsOf(resource));
			if (groups.isEmpty()) {
				groups.addAll(groupsOfPatient(resource));
			}
			if (groups.isEmpty()) {
				// written by the server while it serves a client (a Provenance of a referral move): the client's group
				ActingClient.current().map(ActingClient::group).ifPresent(groups::add);
			}
		}
		for (String organization : parties(resource)) {
			membership.groupOf(organization).ifPresent(groups::add);
		}
		groups.forEach(group -> GroupScope.tag(resource, group));
	}

	/** The organisations a referral goes between (requester and receiver). */
	private List<String> parties(IBaseResource resource) {
		List<Reference> references = new ArrayList<>();
		if (resource instanceof Task task) {
			references.add(task.getOwner());
			references.add(task.getRequester());
		} else if (resource instanceof ServiceRequest request) {
			references.addAll(request.getPerformer());
			references.add(request.getRequester());
		}
		return references.stream().map(membership::organisationOf).flatMap(Optional::stream).toList();
	}

	private Set<String> groupsOfPatient(IBaseResource resource) {
		Set<String> groups = new LinkedHashSet<>();
		if (resource instanceof Patient patient) {
			if (patient.hasManagingOrganization()) {
				membership.groupOf(patient.getManagingOrganization().getReference()).ifPresent(groups::add);
			}
			return groups;
		}
		for (IIdType owner : fhir.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.<String>of())) {
			if (!"Patient".equals(owner.getResourceType())) {
				continue; // a compartment parameter may point elsewhere too (an Observation's performer)
			}
			StoredResources.find(daos, Patient.class, owner.getValue()).ifPresent(patient -> groups.addAll(GroupScope.groupsOf(patient)));
		}
		return groups;
	}
}
