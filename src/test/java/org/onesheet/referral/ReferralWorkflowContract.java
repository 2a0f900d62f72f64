package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Duration;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;

/**
 * A clinic's EMR moving referrals through the state machine over REST, acting for an organisation named in
 * the X-OneSheet-Organization header: allowed moves pass, the others are refused whatever the way in.
 */
public interface ReferralWorkflowContract {

	String TOWNSHIP = TestReferrals.TOWNSHIP;
	String COUNTY = TestReferrals.COUNTY;
	String ELSEWHERE = "Organization/jmse-tc-02";

	FhirEndpoint endpoint();

	private Task sendUpwardReferral() {
		return TestReferrals.sendUpward(endpoint(), COUNTY, false, request -> {
		});
	}

	private Task move(Task task, TaskStatus to, String actingFor) {
		return TestReferrals.move(endpoint(), task, to, actingFor);
	}

	private static String businessStatus(Task task) {
		return task.getBusinessStatus().getCodingFirstRep().getCode();
	}

	private static String diagnostics(BaseServerResponseException refusal) {
		return ((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
	}

	@Test
	default void theOwnerTakesAReferralFromRequestedToCompletedAndBusinessStatusFollows() {
		Task task = sendUpwardReferral();
		assertThat(businessStatus(task)).isEqualTo("created");

		task = move(task, TaskStatus.RECEIVED, COUNTY);
		task = move(task, TaskStatus.ACCEPTED, COUNTY);
		assertThat(businessStatus(task)).isEqualTo("accepted");
		task = move(task, TaskStatus.INPROGRESS, COUNTY);
		DiagnosticReport summary = new DiagnosticReport();
		summary.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL).getCode().setText("出院小结");
		summary.setSubject(task.getFor().copy());
		task.addOutput().setType(new CodeableConcept(new Coding(Systems.REFERRAL_OUTPUT_TYPE, "feedback", "回执")))
				.setValue(new Reference(endpoint().client().create().resource(summary).execute().getId().toUnqualifiedVersionless()));
		task = move(task, TaskStatus.COMPLETED, COUNTY);

		assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(businessStatus(task)).isEqualTo("completed");
		assertThat(task.getMeta().getVersionId()).isEqualTo("5");
		Bundle archive = endpoint().client().search().forResource(Provenance.class)
				.where(Provenance.TARGET.hasId(task.getIdElement().toUnqualifiedVersionless())).returnBundle(Bundle.class)
				.execute();
		assertThat(archive.getEntry()).hasSize(4).allSatisfy(entry -> assertThat(
				((Provenance) entry.getResource()).getAgentFirstRep().getWho().getReference()).isEqualTo(COUNTY));
		assertThat(archive.getEntry()).extracting(entry -> ((Provenance) entry.getResource()).getActivity().getText())
				.contains("requested → received", "in-progress → completed");
	}

	@Test
	default void aReferralCannotCompleteWithoutFeedback() {
		Task arrived = move(move(move(sendUpwardReferral(), TaskStatus.RECEIVED, COUNTY), TaskStatus.ACCEPTED, COUNTY),
				TaskStatus.INPROGRESS, COUNTY);

		assertThatThrownBy(() -> move(arrived, TaskStatus.COMPLETED, COUNTY))
				.isInstanceOfSatisfying(UnprocessableEntityException.class,
						refusal -> assertThat(refusal.getResponseBody()).contains("出院小结"));
	}

	@Test
	default void theRequesterCannotMoveItsReferralForward() {
		Task task = sendUpwardReferral();

		assertThatThrownBy(() -> move(task, TaskStatus.RECEIVED, TOWNSHIP))
				.isInstanceOfSatisfying(ResourceVersionConflictException.class, refusal -> assertThat(diagnostics(refusal))
						.contains("the referral is requested").contains("received (owner)").contains("cancelled (requester)"));
	}

	@Test
	default void noStepMayBeSkipped() {
		Task task = sendUpwardReferral();

		assertThatThrownBy(() -> move(task, TaskStatus.COMPLETED, COUNTY))
				.isInstanceOf(ResourceVersionConflictException.class);
		assertThat(endpoint().client().read().resource(Task.class).withId(task.getIdElement().toUnqualifiedVersionless())
				.execute().getStatus()).isEqualTo(TaskStatus.REQUESTED);
	}

	@Test
	default void aCancelledReferralIsFinal() {
		Task cancelled = move(sendUpwardReferral(), TaskStatus.CANCELLED, TOWNSHIP);
		assertThat(businessStatus(cancelled)).isEqualTo("cancelled");

		assertThatThrownBy(() -> move(cancelled, TaskStatus.RECEIVED, COUNTY))
				.isInstanceOfSatisfying(ResourceVersionConflictException.class,
						refusal -> assertThat(diagnostics(refusal)).contains("cancelled").contains("final"));
	}

	@Test
	default void anOrganisationOnNeitherSideIsForbidden() {
		Task task = sendUpwardReferral();

		assertThatThrownBy(() -> move(task, TaskStatus.RECEIVED, ELSEWHERE))
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	default void theGroupAdministratorMayCorrectAReferralButNotAgainstTheStateMachine() {
		// the default test client is the group organisation's administrator: not a party, yet it acts for the group
		Task task = sendUpwardReferral();
		task.setStatus(TaskStatus.COMPLETED);
		assertThatThrownBy(() -> endpoint().client().update().resource(task).execute())
				.isInstanceOf(ResourceVersionConflictException.class);
		task.setStatus(TaskStatus.RECEIVED);
		endpoint().client().update().resource(task).execute();
		assertThat(endpoint().client().read().resource(Task.class).withId(task.getIdElement().toUnqualifiedVersionless())
				.execute().getStatus()).isEqualTo(TaskStatus.RECEIVED);
	}

	@Test
	default void aRejectionWithoutReasonIsRefusedByTheProfile() {
		Task task = move(sendUpwardReferral(), TaskStatus.RECEIVED, COUNTY);

		assertThatThrownBy(() -> move(task, TaskStatus.REJECTED, COUNTY)).isInstanceOf(UnprocessableEntityException.class);
		task.setStatusReason(new CodeableConcept().setText("本院心内科床位已满，建议转州医院 (no cardiology bed free)"));
		assertThat(move(task, TaskStatus.REJECTED, COUNTY).getStatus()).isEqualTo(TaskStatus.REJECTED);
	}

	@Test
	default void aDeclinedReferralIsReRoutedAsANewTaskPartOfTheFirst() {
		Task received = move(sendUpwardReferral(), TaskStatus.RECEIVED, COUNTY);
		received.setStatusReason(new CodeableConcept().setText("本院心内科床位已满 (no cardiology bed free)"));
		Task declined = move(received, TaskStatus.REJECTED, COUNTY);
		Task reRouted = new Task();
		reRouted.setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		reRouted.getCode().addCoding().setSystem(Systems.TASK_CODE).setCode("fulfill");
		reRouted.setFocus(declined.getFocus().copy()).setFor(declined.getFor().copy());
		reRouted.setRequester(new Reference(TOWNSHIP)).setOwner(new Reference("Organization/jmse-stroke-centre"));
		reRouted.addPartOf(new Reference(declined.getIdElement().toUnqualifiedVersionless().getValue()));

		Task created = (Task) endpoint().client().create().resource(reRouted)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, TOWNSHIP).execute().getResource();
		assertThat(created.getPartOfFirstRep().getReference()).isEqualTo(declined.getIdElement().toUnqualifiedVersionless().getValue());

		reRouted.setOwner(new Reference(COUNTY));
		assertThatThrownBy(() -> endpoint().client().create().resource(reRouted)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, TOWNSHIP).execute())
				.isInstanceOfSatisfying(ResourceVersionConflictException.class,
						refusal -> assertThat(diagnostics(refusal)).contains("another organisation"));
	}

	@Test
	default void onlyADeclinedReferralCanBeReRouted() {
		Task open = sendUpwardReferral();
		Task reRouted = open.copy();
		reRouted.setId((String) null);
		reRouted.getMeta().setVersionId(null);
		reRouted.setOwner(new Reference("Organization/jmse-stroke-centre"));
		reRouted.addPartOf(new Reference(open.getIdElement().toUnqualifiedVersionless().getValue()));

		assertThatThrownBy(() -> endpoint().client().create().resource(reRouted)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, TOWNSHIP).execute())
				.isInstanceOfSatisfying(ResourceVersionConflictException.class,
						refusal -> assertThat(diagnostics(refusal)).contains("only a rejected referral"));
	}

	@Test
	default void aForbiddenMoveByJsonPatchIsRefusedToo() {
		Task task = sendUpwardReferral();

		var response = endpoint().http().header(FhirEndpoint.ACTING_FOR, COUNTY)
				.contentType("application/json-patch+json; charset=UTF-8")
				.body("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"completed\"}]")
				.patch("/fhir/Task/" + task.getIdElement().getIdPart());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.asString()).contains("OperationOutcome").contains("the referral is requested");
	}

	@Test
	default void aForbiddenMoveInsideATransactionWritesNothingOfIt() {
		Task task = sendUpwardReferral();
		task.setStatus(TaskStatus.COMPLETED);
		ServiceRequest focus = endpoint().client().read().resource(ServiceRequest.class)
				.withId(new IdType(task.getFocus().getReference())).execute();
		focus.addNote().setText("should not be stored");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(focus).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(focus.getIdElement().toUnqualifiedVersionless().getValue());
		transaction.addEntry().setResource(task).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(task.getIdElement().toUnqualifiedVersionless().getValue());

		assertThatThrownBy(() -> endpoint().client().transaction().withBundle(transaction)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, COUNTY).execute())
				.isInstanceOf(ResourceVersionConflictException.class);
		assertThat(endpoint().client().read().resource(ServiceRequest.class)
				.withId(focus.getIdElement().toUnqualifiedVersionless()).execute().getNote()).isEmpty();
	}

	@Test
	default void removingTheStatusIsAProfileErrorNotAServerError() {
		Task task = sendUpwardReferral();
		task.setStatus(null);

		assertThatThrownBy(() -> endpoint().client().update().resource(task)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, COUNTY).execute())
				.isInstanceOf(UnprocessableEntityException.class);
	}

	@Test
	default void aNewReferralCannotStartHalfWay() {
		Task task = sendUpwardReferral();
		task.setId((String) null);
		task.setStatus(TaskStatus.ACCEPTED);

		assertThatThrownBy(() -> endpoint().client().create().resource(task)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, TOWNSHIP).execute())
				.isInstanceOf(ResourceVersionConflictException.class);
	}

	@Test
	default void theServerStampsTheAuthoredTimeAndTheReferralNumber() {
		Date before = new Date(System.currentTimeMillis() - 1000);
		Task task = sendUpwardReferral();

		assertThat(task.getAuthoredOn()).isAfter(before);
		assertThat(task.getIdentifier()).filteredOn(id -> Systems.REFERRAL_NUMBER.equals(id.getSystem()))
				.singleElement().satisfies(id -> assertThat(id.getValue()).matches("ZZ\\d{8}-[0-9A-F]{10}"));
		ServiceRequest focus = endpoint().client().read().resource(ServiceRequest.class)
				.withId(new IdType(task.getFocus().getReference())).execute();
		assertThat(focus.getAuthoredOn()).isAfter(before);
	}

	@Test
	default void aReferralSentWithoutStatusStartsRequestedAndStillOnlyFromItsRequester() {
		Task sent = sendUpwardReferral();
		Task bare = sent.copy();
		bare.setId((String) null);
		bare.getMeta().setVersionId(null);
		bare.getIdentifier().clear();
		bare.setStatus(null).setBusinessStatus(null);

		Task created = (Task) endpoint().client().create().resource(bare)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, TOWNSHIP).execute().getResource();
		assertThat(created.getStatus()).isEqualTo(TaskStatus.REQUESTED);
		assertThat(businessStatus(created)).isEqualTo("created");
		assertThatThrownBy(() -> endpoint().client().create().resource(bare)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, COUNTY).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	default void aReferralWaitingLongerThanTheLimitIsFlaggedOverdue() {
		Task sent = sendUpwardReferral();
		Task stale = sent.copy();
		stale.setId((String) null);
		stale.getMeta().setVersionId(null);
		stale.getIdentifier().clear();
		stale.setAuthoredOn(new Date(System.currentTimeMillis() - 49L * 3600 * 1000));
		// Imported (no acting organisation): an archive keeps its own authored time.
		IIdType staleId = endpoint().client().create().resource(stale).execute().getId().toUnqualifiedVersionless();

		Task flagged = Eventually.that("flagged overdue within 30 s").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> endpoint().client().read().resource(Task.class).withId(staleId).execute(),
						read -> read.getMeta().getTag(Systems.REFERRAL_FLAG, "overdue") != null);
		assertThat(flagged.getMeta().getVersionId()).isEqualTo("1");
		Task fresh = endpoint().client().read().resource(Task.class).withId(sent.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(fresh.getMeta().getTag(Systems.REFERRAL_FLAG, "overdue")).isNull();
	}
}
