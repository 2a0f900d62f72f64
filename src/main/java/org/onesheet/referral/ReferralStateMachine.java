package org.onesheet.referral;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;

/**
 * The moves a referral Task may make (FHIR workflow, option H), and who may make them:
 * <pre>
 * draft → requested                       (the requester sends it)
 * requested → received → accepted | rejected → …   (the owner, the receiving organisation)
 * accepted → in-progress (patient arrived) → completed
 * any open state → cancelled              (the requester only)
 * </pre>
 * completed, rejected and cancelled are final.
 */
public final class ReferralStateMachine {

	/** Which side of the referral an organisation is on. */
	public enum Party { REQUESTER, OWNER, NEITHER }

	private static final Map<TaskStatus, Set<TaskStatus>> OWNER_MOVES = Map.of(
			TaskStatus.REQUESTED, EnumSet.of(TaskStatus.RECEIVED),
			TaskStatus.RECEIVED, EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.REJECTED),
			TaskStatus.ACCEPTED, EnumSet.of(TaskStatus.INPROGRESS),
			TaskStatus.INPROGRESS, EnumSet.of(TaskStatus.COMPLETED));

	private static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.DRAFT, TaskStatus.REQUESTED,
			TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS);

	/** The BSeR-style business status (Task.businessStatus) each workflow state implies. */
	private static final Map<TaskStatus, Coding> BUSINESS_STATUS = Map.of(
			TaskStatus.DRAFT, businessCoding("created", "已发起"),
			TaskStatus.REQUESTED, businessCoding("created", "已发起"),
			TaskStatus.RECEIVED, businessCoding("created", "已发起"),
			TaskStatus.ACCEPTED, businessCoding("accepted", "已接收"),
			TaskStatus.REJECTED, businessCoding("declined", "已拒绝"),
			TaskStatus.INPROGRESS, businessCoding("accepted", "已接收"),
			TaskStatus.COMPLETED, businessCoding("completed", "已完成"),
			TaskStatus.CANCELLED, businessCoding("cancelled", "已撤销"));

	/** The states a new referral Task may start in. */
	public static final Set<TaskStatus> INITIAL = EnumSet.of(TaskStatus.DRAFT, TaskStatus.REQUESTED);

	private ReferralStateMachine() {
	}

	/** The moves open to this party from this state (empty when the state is final). */
	public static Set<TaskStatus> allowedMoves(TaskStatus from, Party party) {
		Set<TaskStatus> moves = EnumSet.noneOf(TaskStatus.class);
		if (party == Party.OWNER) {
			moves.addAll(OWNER_MOVES.getOrDefault(from, Set.of()));
		}
		if (party == Party.REQUESTER && OPEN.contains(from)) {
			moves.add(TaskStatus.CANCELLED);
			if (from == TaskStatus.DRAFT) {
				moves.add(TaskStatus.REQUESTED);
			}
		}
		return moves;
	}

	/** The business status a referral in this state has. */
	public static CodeableConcept businessStatus(TaskStatus status) {
		return new CodeableConcept(BUSINESS_STATUS.get(status).copy());
	}

	/** Whether the machine allows this move to anyone at all. */
	public static boolean isMove(TaskStatus from, TaskStatus to) {
		return allowedMoves(from, Party.OWNER).contains(to) || allowedMoves(from, Party.REQUESTER).contains(to);
	}

	public static boolean isFinal(TaskStatus status) {
		return !OPEN.contains(status);
	}

	/** Why the move is refused, or empty when it is allowed. */
	public static Optional<String> refusal(TaskStatus from, TaskStatus to, Party party) {
		if (allowedMoves(from, party).contains(to)) {
			return Optional.empty();
		}
		String allowedForAnyone = describe(union(allowedMoves(from, Party.OWNER), allowedMoves(from, Party.REQUESTER)));
		if (isFinal(from)) {
			return Optional.of("转诊已结束，状态不能再变更 (the referral is " + from.toCode()
					+ ", a final state: no move is allowed)");
		}
		return Optional.of("不允许的转诊状态变更 (the referral is " + from.toCode() + "; " + describeParty(party)
				+ " cannot move it to " + to.toCode() + ". Allowed: " + allowedForAnyone + ")");
	}

	private static String describeParty(Party party) {
		return switch (party) {
			case OWNER -> "the receiving organisation (owner)";
			case REQUESTER -> "the referring organisation (requester)";
			case NEITHER -> "an organisation that is neither requester nor owner";
		};
	}

	private static Set<TaskStatus> union(Set<TaskStatus> a, Set<TaskStatus> b) {
		Set<TaskStatus> all = EnumSet.noneOf(TaskStatus.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	private static Coding businessCoding(String code, String chinese) {
		return new Coding(Systems.REFERRAL_STATUS, code, chinese);
	}

	static String describe(Set<TaskStatus> moves) {
		return moves.stream().map(move -> move.toCode() + " (" + (move == TaskStatus.CANCELLED || move == TaskStatus.REQUESTED ? "requester" : "owner")
				+ ")").collect(Collectors.joining(", "));
	}
}
