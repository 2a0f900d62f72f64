package org.onesheet.referral;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.system.TaskFoci;
import org.springframework.stereotype.Component;

/** Tells a brokered Task (one whose focus is a referral or consultation ServiceRequest) from any other Task. */
@Component
public class ReferralTasks {

	private final TaskFoci foci;

	public ReferralTasks(TaskFoci foci) {
		this.foci = foci;
	}

	/** Whether the Task's focus is a referral or consultation request (one this server brokers). */
	public boolean isBrokered(Task task, TransactionDetails transaction) {
		return foci.of(task, transaction).map(ReferralCategory::isBrokered).orElse(false);
	}

	/** The request a brokered Task is focused on, wherever it is in this transaction. */
	public ServiceRequest focusOf(Task task, TransactionDetails transaction) {
		return foci.of(task, transaction).orElseThrow(() -> new ResourceNotFoundException(
				"no ServiceRequest " + task.getFocus().getReference() + " (the Task's focus)"));
	}
}
