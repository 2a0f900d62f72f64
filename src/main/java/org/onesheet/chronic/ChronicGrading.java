package org.onesheet.chronic;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.onesheet.security.ActingOrganization;
import org.onesheet.system.ChinaTime;
import org.onesheet.system.CommitFlushMode;
import org.springframework.stereotype.Component;

/**
 * Re-grades a patient's chronic plans when a reading arrives (三色分级, 动态管理): a final blood pressure,
 * fasting glucose or HbA1c Observation, posted by any member for any registration of the patient. The
 * plan records the grade and why (extensions chronic-grade, grade-reason) and when the next follow-up is
 * due; a change of grade ends the plan's Flag and raises a new one; {@link LevelMoves} proposes a move
 * when the grade calls for another level.
 *
 * <p>Runs before commit, in the Observation's own transaction, once per patient however many readings the
 * transaction brings ({@link ArrivingReadings}): the readings, the grade and the proposal are written together
 * or not at all. Two readings of one patient at once, on two nodes, both update the plan:
 * its row version lets one commit, and {@link ReadingRetries} runs the other again.
 */
@Component
@Interceptor
public class ChronicGrading {

	private static final Set<String> FINAL = Set.of("final", "amended", "corrected");

	private final ChronicProperties properties;
	private final ChronicPlans plans;
	private final ReadingHistory history;
	private final GradeFlags flags;
	private final LevelMoves moves;
	private final CommitFlushMode commitFlushMode;
	/** The LOINC codes some programme grades on: any other Observation passes by untouched. */
	private final Set<String> gradedCodes;

	public ChronicGrading(ChronicProperties properties, ChronicPlans plans, ReadingHistory history, GradeFlags flags,
			LevelMoves moves, CommitFlushMode commitFlushMode, IInterceptorService storageInterceptors) {
		this.properties = properties;
		this.plans = plans;
		this.history = history;
		this.flags = flags;
		this.moves = moves;
		this.commitFlushMode = commitFlushMode;
		this.gradedCodes = properties.grading().values().stream().flatMap(List::stream).map(GradingRule::loinc)
				.collect(Collectors.toUnmodifiableSet());
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource, TransactionDetails transaction) {
		regradeFor(request, resource, transaction);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource,
			TransactionDetails transaction) {
		regradeFor(request, resource, transaction);
	}

	/**
	 * Only readings clinics send: the demo load grades its own plans, and re-grading inside it would cost every
	 * bulk write a search.
	 */
	private void regradeFor(RequestDetails request, IBaseResource resource, TransactionDetails transaction) {
		if (!ActingOrganization.isClientRequest(request)) {
			return;
		}
		if (!(resource instanceof Observation observation) || observation.getStatus() == null
				|| !FINAL.contains(observation.getStatus().toCode()) || !isAboutAPatient(observation)) {
			return;
		}
		if (Reading.of(observation).stream().noneMatch(reading -> gradedCodes.contains(reading.loinc()))) {
			return;
		}
		String patient = new IdType(observation.getSubject().getReference()).toUnqualifiedVersionless().getValue();
		ArrivingReadings.add(transaction, patient, observation, pending -> gradeAll(pending, transaction));
	}

	/** In commit-flush mode after one flush: see {@link CommitFlushMode} for why. */
	private void gradeAll(ArrivingReadings pending, TransactionDetails transaction) {
		commitFlushMode.run(() -> pending.byPatient().forEach((patient, readings) -> regradeFor(patient, readings, transaction)));
	}

	private void regradeFor(String patient, List<Observation> arriving, TransactionDetails transaction) {
		Set<String> arrivingCodes = new HashSet<>();
		arriving.forEach(observation -> Reading.of(observation).forEach(reading -> arrivingCodes.add(reading.loinc())));
		for (CarePlan found : plans.activeOf(patient)) {
			CarePlan plan = InTransaction.get(transaction, ChronicPlans.reference(found), CarePlan.class).orElse(found);
			List<GradingRule> rules = ChronicPlans.programme(plan).map(properties.grading()::get).orElse(List.of());
			if (rules.stream().anyMatch(rule -> arrivingCodes.contains(rule.loinc()))) {
				regrade(plan, rules, patient, arriving, transaction);
			}
		}
	}

	private void regrade(CarePlan plan, List<GradingRule> rules, String patient, List<Observation> arriving,
			TransactionDetails transaction) {
		Set<String> codes = new HashSet<>();
		rules.forEach(rule -> {
			codes.add(rule.loinc());
			if (rule.panel() != null) {
				codes.add(rule.panel());
			}
		});
		List<Reading> readings = history.of(patient, codes, arriving);
		String programme = ChronicPlans.programme(plan).orElseThrow();
		Optional<TriColourGrading.Verdict> graded =
				new TriColourGrading(programme, rules, properties.notImprovingAfter()).grade(readings);
		if (graded.isEmpty()) {
			return;
		}
		TriColourGrading.Verdict verdict = graded.get();
		boolean changed = ChronicPlans.grade(plan).orElse(null) != verdict.grade();
		Instant latest = readings.stream().filter(reading -> codes.contains(reading.loinc()))
				.map(Reading::effective).max(Instant::compareTo).orElse(verdict.reading().effective());
		ChronicPlans.setGrade(plan, verdict);
		Grade managing = ChronicPlans.managingLevel(plan).orElse(verdict.grade());
		LocalDate due = latest.atZone(ChinaTime.ZONE).toLocalDate().plus(properties.followUpEvery(managing));
		ChronicPlans.setNextFollowUp(plan, due);
		InTransaction.put(transaction, ChronicPlans.reference(plan), plans.save(plan, transaction));

		Optional<Flag> active = changed ? Optional.empty() : flags.activeOf(plan, transaction);
		Flag flag = active.isPresent() ? active.get() : flags.replace(plan, verdict, transaction);
		Instant since = flag.getPeriod().hasStart() ? flag.getPeriod().getStart().toInstant() : verdict.reading().effective();
		moves.consider(plan, verdict, since, latest, transaction);
	}

	private static boolean isAboutAPatient(Observation observation) {
		String subject = observation.getSubject().getReference();
		return subject != null && !subject.startsWith("urn:") && "Patient".equals(new IdType(subject).getResourceType());
	}
}
