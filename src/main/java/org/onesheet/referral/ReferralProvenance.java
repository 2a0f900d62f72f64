package org.onesheet.referral;

import org.onesheet.security.ActingOrganization;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * Keeps the referral archive (转诊档案): every change of a referral Task's status is recorded as a
 * {@link Provenance} naming the Task version it produced, when, and which organisation made the move. It is
 * written in the same database transaction as the Task, so there is never a move without its record.
 */
@Component
@Interceptor
public class ReferralProvenance {

	private final ReferralTasks referralTasks;
	private final DaoRegistry daos;

	public ReferralProvenance(ReferralTasks referralTasks, DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.referralTasks = referralTasks;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void afterUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request,
			TransactionDetails transaction) {
		if (!(resource instanceof Task task) || !(previous instanceof Task before) || before.getStatus() == task.getStatus()
				|| !referralTasks.isBrokered(task, transaction)) {
			return;
		}
		Provenance provenance = new Provenance();
		provenance.addTarget(new Reference(task.getIdElement().toUnqualified().getValue()));
		provenance.setRecorded(new Date());
		provenance.setActivity(new CodeableConcept().addCoding(new Coding(Systems.TASK_STATUS,
				task.getStatus().toCode(), null)).setText(before.getStatus().toCode() + " → " + task.getStatus().toCode()));
		Reference who = ActingOrganization.of(request).map(Reference::new)
				.orElseGet(() -> new Reference().setDisplay("OneSheet 服务器 (the server itself)"));
		provenance.addAgent().setWho(who);
		daos.getResourceDao(Provenance.class).create(provenance, new SystemRequestDetails());
	}
}
