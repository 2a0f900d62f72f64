package org.onesheet.chronic;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.system.ChinaTime;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * A plan changes hands when the organisation of its new level accepts the move (the referral Task based on
 * the plan goes to accepted), not when the grade changes: until then the old level keeps the patient. In the
 * accept's own transaction the plan's {@code author} becomes the accepting organisation, its managing level
 * that organisation's level, and its next follow-up today, so the new level sees the patient at once.
 */
@Component
@Interceptor
public class PlanFollowsAcceptedMove {

	private final DaoRegistry daos;
	private final LevelOrganisations levels;
	private final ChronicPlans plans;

	public PlanFollowsAcceptedMove(DaoRegistry daos, LevelOrganisations levels, ChronicPlans plans,
			IInterceptorService storageInterceptors) {
		this.daos = daos;
		this.levels = levels;
		this.plans = plans;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
		if (!(resource instanceof Task task) || task.getStatus() != TaskStatus.ACCEPTED
				|| previous instanceof Task before && before.getStatus() == TaskStatus.ACCEPTED) {
			return;
		}
		for (Reference basis : task.getBasedOn()) {
			if (basis.getReference() == null || !basis.getReference().startsWith("CarePlan/")) {
				continue;
			}
			Optional<CarePlan> found = StoredResources.find(daos, CarePlan.class, basis.getReference())
					.filter(ChronicPlans::isChronic).filter(plan -> plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE);
			Optional<Grade> level = levels.levelOf(task.getOwner());
			if (found.isPresent() && level.isPresent()) {
				CarePlan plan = found.get();
				ChronicPlans.setManagingLevel(plan, level.get(), task.getOwner().copy());
				ChronicPlans.setNextFollowUp(plan, LocalDate.now(ChinaTime.ZONE));
				plans.save(plan, transaction);
			}
		}
	}
}
