package org.onesheet.system;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The refusals of the group's workflows (referral, remote reading), each with an OperationOutcome pointing at what is wrong. */
public final class Refusals {

	private Refusals() {
	}

	/** 409: the request clashes with the referral's current state (a forbidden move, a slot just taken). */
	public static ResourceVersionConflictException conflict(String message, String expression) {
		return new ResourceVersionConflictException(message,
				outcome(message, OperationOutcome.IssueType.BUSINESSRULE, expression));
	}

	/** 403: the acting organisation is not a party that may do this. */
	public static ForbiddenOperationException forbidden(String message, String expression) {
		return new ForbiddenOperationException(message, outcome(message, OperationOutcome.IssueType.FORBIDDEN, expression));
	}

	/** 422: the resource is well-formed but breaks a rule of the workflow (feedback missing, ...). */
	public static UnprocessableEntityException unprocessable(String message, String expression) {
		return new UnprocessableEntityException(message,
				outcome(message, OperationOutcome.IssueType.BUSINESSRULE, expression));
	}

	private static OperationOutcome outcome(String message, OperationOutcome.IssueType type, String expression) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message)
				.addExpression(expression);
		return outcome;
	}
}
