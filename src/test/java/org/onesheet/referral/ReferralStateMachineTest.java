package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.referral.ReferralStateMachine.Party;

class ReferralStateMachineTest {

	@Test
	void theOwnerMovesAReferralForwardStepByStep() {
		assertThat(ReferralStateMachine.allowedMoves(TaskStatus.REQUESTED, Party.OWNER)).containsExactly(TaskStatus.RECEIVED);
		assertThat(ReferralStateMachine.allowedMoves(TaskStatus.RECEIVED, Party.OWNER))
				.containsExactlyInAnyOrder(TaskStatus.ACCEPTED, TaskStatus.REJECTED);
		assertThat(ReferralStateMachine.allowedMoves(TaskStatus.ACCEPTED, Party.OWNER)).containsExactly(TaskStatus.INPROGRESS);
		assertThat(ReferralStateMachine.allowedMoves(TaskStatus.INPROGRESS, Party.OWNER)).containsExactly(TaskStatus.COMPLETED);
	}

	@Test
	void onlyTheRequesterCancelsAndOnlyWhileOpen() {
		assertThat(ReferralStateMachine.refusal(TaskStatus.ACCEPTED, TaskStatus.CANCELLED, Party.REQUESTER)).isEmpty();
		assertThat(ReferralStateMachine.refusal(TaskStatus.ACCEPTED, TaskStatus.CANCELLED, Party.OWNER)).isPresent();
		assertThat(ReferralStateMachine.refusal(TaskStatus.COMPLETED, TaskStatus.CANCELLED, Party.REQUESTER)).isPresent();
	}

	@Test
	void finalStatesAllowNoMoveAndSaySo() {
		for (TaskStatus done : new TaskStatus[] {TaskStatus.COMPLETED, TaskStatus.REJECTED, TaskStatus.CANCELLED}) {
			assertThat(ReferralStateMachine.allowedMoves(done, Party.OWNER)).isEmpty();
			assertThat(ReferralStateMachine.allowedMoves(done, Party.REQUESTER)).isEmpty();
			assertThat(ReferralStateMachine.refusal(done, TaskStatus.INPROGRESS, Party.OWNER).orElseThrow())
					.contains(done.toCode()).contains("final");
		}
	}

	@Test
	void aRefusalNamesTheCurrentStateAndTheAllowedMoves() {
		String refusal = ReferralStateMachine.refusal(TaskStatus.REQUESTED, TaskStatus.COMPLETED, Party.OWNER).orElseThrow();

		assertThat(refusal).contains("the referral is requested").contains("completed")
				.contains("received (owner)").contains("cancelled (requester)");
	}

	@Test
	void theRequesterCannotAcceptItsOwnReferral() {
		assertThat(ReferralStateMachine.refusal(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, Party.REQUESTER)).isPresent();
	}
}
