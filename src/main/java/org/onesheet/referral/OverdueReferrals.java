package org.onesheet.referral;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags referrals that have waited longer than {@code onesheet.referral.overdue-after} (48 h) for acceptance
 * with the tag {@code referral-flag#overdue} (超时未接收), so that inboxes and the group's managers can find
 * them ({@code Task?_tag=...|overdue&status=requested,received}). The tag stays after acceptance, as the
 * record that acceptance came late.
 *
 * <p>Every node sweeps; that is harmless, because adding a tag a Task already has changes nothing, and
 * {@code $meta-add} makes no new version, so a sweep never races a clinic's update of the Task.
 */
@Component
public class OverdueReferrals {

	public static final String OVERDUE = "overdue";
	private static final int MAX_PER_SWEEP = 1000;
	private static final Logger log = LoggerFactory.getLogger(OverdueReferrals.class);

	private final DaoRegistry daos;
	private final ReferralProperties properties;

	public OverdueReferrals(DaoRegistry daos, ReferralProperties properties) {
		this.daos = daos;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${onesheet.referral.overdue-sweep-every:PT5M}",
			fixedDelayString = "${onesheet.referral.overdue-sweep-every:PT5M}")
	public void sweep() {
		Date waitingSince = Date.from(Instant.now().minus(properties.overdueAfter()));
		SearchParameterMap waiting = SearchParameterMap.newSynchronous()
				.add(Task.SP_STATUS, new TokenOrListParam().addOr(new TokenParam("requested")).addOr(new TokenParam("received")))
				.add(Task.SP_AUTHORED_ON, new DateParam(ParamPrefixEnum.LESSTHAN, waitingSince))
				.add(Task.SP_FOCUS, new ReferenceParam("ServiceRequest", "category", Systems.SNOMED_CT + "|" + ReferralCategory.SNOMED_PATIENT_REFERRAL))
				.add("_tag", new TokenParam(Systems.REFERRAL_FLAG, OVERDUE).setModifier(TokenParamModifier.NOT));
		waiting.setLoadSynchronousUpTo(MAX_PER_SWEEP);
		IFhirResourceDao<Task> tasks = daos.getResourceDao(Task.class);
		int flagged = 0;
		for (IBaseResource task : tasks.search(waiting, new SystemRequestDetails()).getAllResources()) {
			Meta overdue = new Meta();
			overdue.addTag(Systems.REFERRAL_FLAG, OVERDUE, "超时未接收");
			tasks.metaAddOperation(task.getIdElement().toUnqualifiedVersionless(), overdue, new SystemRequestDetails());
			flagged++;
		}
		if (flagged > 0) {
			log.info("Flagged {} referral(s) waiting more than {} for acceptance as overdue", flagged, properties.overdueAfter());
		}
	}
}
