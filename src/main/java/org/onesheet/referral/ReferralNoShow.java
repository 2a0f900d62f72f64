package org.onesheet.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * A no-show is recorded on the appointment (Appointment.status {@code noshow}); the referral's Task then
 * says so in its business status (未到诊), in the same transaction, while its workflow state stays accepted:
 * the county may book again, or the referrer may cancel.
 */
@Component
@Interceptor
public class ReferralNoShow {

	private final DaoRegistry daos;

	public ReferralNoShow(DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource) {
		if (!(resource instanceof Appointment appointment) || !(previous instanceof Appointment before)
				|| appointment.getStatus() != Appointment.AppointmentStatus.NOSHOW
				|| before.getStatus() == Appointment.AppointmentStatus.NOSHOW) {
			return;
		}
		IFhirResourceDao<Task> tasks = daos.getResourceDao(Task.class);
		for (Reference request : appointment.getBasedOn()) {
			SearchParameterMap open = SearchParameterMap.newSynchronous()
					.add(Task.SP_FOCUS, new ReferenceParam(request.getReference()))
					.add(Task.SP_STATUS, new TokenOrListParam().addOr(new TokenParam("accepted"))
							.addOr(new TokenParam("in-progress")));
			for (IBaseResource found : tasks.search(open, new SystemRequestDetails()).getAllResources()) {
				Task task = (Task) found;
				task.setBusinessStatus(new CodeableConcept(new Coding(Systems.REFERRAL_STATUS, "no-show", "未到诊")));
				task.setLastModified(new Date());
				tasks.update(task, new SystemRequestDetails());
			}
		}
	}
}
