package org.onesheet.group.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.onesheet.chronic.ChronicPlans;
import org.onesheet.chronic.Grade;
import org.onesheet.chronic.GradeFlags;
import org.onesheet.chronic.GradingRule;
import org.onesheet.chronic.Reading;
import org.onesheet.chronic.TriColourGrading;
import org.onesheet.group.demo.DemoGroup.Site;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;

/**
 * A resident's chronic plans (one per 2+3 disease, graded from the latest demo reading by the default table
 * of {@code application.yml}), the grade's Flag, and the family doctor contract (家庭医生签约) with its team:
 * about nine in ten of the key groups (65 and over, pregnant women, 2+3 patients) are signed, and two in five of the rest.
 * Draws from its own random stream, so the rest of the demo is the same with or without it.
 */
final class ChronicCare {

	/** ICD-10 Z33: pregnant state (妊娠状态). */
	static final String PREGNANT_STATE = "Z33";

	private final DemoGroup group;
	private final LocalDate asOf;

	ChronicCare(DemoGroup group, LocalDate asOf) {
		this.group = group;
		this.asOf = asOf;
	}

	List<Resource> of(String patientId, Reference subject, Site village, Site township, int age, boolean pregnant,
			boolean hypertensive, boolean diabetic, List<Observation> readings, int index) {
		Random random = new Random(7919L * index + 17);
		List<Resource> resources = new ArrayList<>();
		boolean keyGroup = age >= 65 || pregnant || hypertensive || diabetic;
		boolean signed = random.nextInt(100) < (keyGroup ? 90 : 40);
		Reference team = new Reference("CareTeam/" + patientId + "-team");
		if (pregnant) {
			resources.add(pregnancy(patientId, subject));
		}
		if (signed) {
			resources.add(team(patientId, subject, village, township));
			EpisodeOfCare contract = contract(patientId, subject, township, age, hypertensive || diabetic, random, index);
			if (pregnant) {
				contract.addType(new CodeableConcept(new Coding(Systems.KEY_POPULATION, "pregnant", "孕产妇")));
			}
			resources.add(contract);
		}
		if (hypertensive) {
			latest(readings, "85354-9").ifPresent(bp -> resources.addAll(plan(patientId, "htn", "hypertension", "高血压",
					PatientRecords.HYPERTENSION_ICD10, subject, village, township, signed ? team : null, grade("hypertension", bp))));
		}
		if (diabetic) {
			latest(readings, "1558-6").ifPresent(glucose -> resources.addAll(plan(patientId, "dm", "diabetes", "2型糖尿病",
					PatientRecords.DIABETES_ICD10, subject, village, township, signed ? team : null, grade("diabetes", glucose))));
		}
		return resources;
	}

	/** 孕产妇: a pregnancy on the problem list (ICD-10 Z33), which makes her one of the key groups. */
	private Condition pregnancy(String patientId, Reference subject) {
		Condition condition = new Condition();
		condition.setId(patientId + "-preg");
		condition.setClinicalStatus(new CodeableConcept(new Coding(Systems.CONDITION_CLINICAL, "active", "Active")));
		condition.addCategory(new CodeableConcept(new Coding(Systems.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
		condition.setCode(new CodeableConcept(new Coding(Systems.ICD_10, PREGNANT_STATE, "Pregnant state")).setText("妊娠状态"));
		condition.setSubject(subject);
		condition.setOnset(new DateTimeType(PatientRecords.toDate(asOf.minusWeeks(12), 10)));
		return condition;
	}

	/**
	 * The demo's copy of the default tables in {@code application.yml} (the generator also runs without Spring, as
	 * {@code generate-demo}); the grading itself is the server's own {@link TriColourGrading}, on the latest reading.
	 */
	private static final Map<String, List<GradingRule>> DEFAULT_TABLES = Map.of(
			"hypertension", List.of(
					new GradingRule("8480-6", "85354-9", "收缩压", "mm[Hg]", BigDecimal.valueOf(140), BigDecimal.valueOf(180)),
					new GradingRule("8462-4", "85354-9", "舒张压", "mm[Hg]", BigDecimal.valueOf(90), BigDecimal.valueOf(110))),
			"diabetes", List.of(
					new GradingRule("1558-6", null, "空腹血糖", "mmol/L", BigDecimal.valueOf(7.0), BigDecimal.valueOf(13.9)),
					new GradingRule("4548-4", null, "糖化血红蛋白", "%", BigDecimal.valueOf(7.0), BigDecimal.valueOf(9.0))));

	private static TriColourGrading.Verdict grade(String programme, Observation latest) {
		return new TriColourGrading(programme, DEFAULT_TABLES.get(programme), Duration.ofDays(28))
				.grade(Reading.of(latest)).orElseThrow();
	}

	private List<Resource> plan(String patientId, String suffix, String programme, String disease, String icd10,
			Reference subject, Site village, Site township, Reference team, TriColourGrading.Verdict verdict) {
		Site managing = switch (verdict.grade()) {
			case GREEN -> village;
			case YELLOW -> township;
			case RED -> group.site(DemoGroup.COUNTY_HOSPITAL_ID);
		};
		Goal goal = new Goal();
		goal.setId(patientId + "-goal-" + suffix);
		goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		goal.getDescription().setText(suffix.equals("htn") ? "血压控制在140/90 mmHg以下" : "空腹血糖<7.0 mmol/L，糖化血红蛋白<7%");
		goal.setSubject(subject);

		CarePlan plan = new CarePlan();
		plan.setId(patientId + "-cp-" + suffix);
		plan.getMeta().addProfile(Systems.PROFILE_CHRONIC_CARE_PLAN);
		plan.addExtension(Systems.EXT_CHRONIC_DISEASE, new CodeableConcept(new Coding(Systems.ICD_10, icd10, null)).setText(disease));
		ChronicPlans.setGrade(plan, verdict);
		plan.addExtension(Systems.EXT_MANAGING_LEVEL, verdict.grade().levelCoding());
		LocalDate readOn = verdict.reading().effective().atZone(ChinaTime.ZONE).toLocalDate();
		ChronicPlans.setNextFollowUp(plan, readOn.plusMonths(verdict.grade() == Grade.YELLOW ? 3 : 1));
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory(new CodeableConcept(new Coding(Systems.CHRONIC_PROGRAMME, programme, disease)));
		plan.setTitle(disease + "患者健康管理");
		plan.setSubject(subject);
		plan.getPeriod().setStart(PatientRecords.toDate(asOf.minusMonths(14), 9));
		plan.setAuthor(managing.reference());
		if (team != null) {
			plan.addCareTeam(team);
		}
		plan.addAddresses(new Reference("Condition/" + patientId + "-" + suffix));
		plan.addGoal(new Reference("Goal/" + goal.getIdElement().getIdPart()));
		activity(plan, "村医每月随访 (monthly village follow-up)", 1, village);
		activity(plan, "乡镇卫生院每季度复诊 (quarterly township review)", 3, township);

		Flag flag = GradeFlags.flag(plan, verdict.grade(), Date.from(verdict.reading().effective()));
		flag.setId(patientId + "-flag-" + suffix);
		flag.addExtension(ChronicPlans.reason(verdict));
		return List.of(goal, plan, flag);
	}

	private void activity(CarePlan plan, String text, int months, Site site) {
		CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
		detail.setKind(CarePlan.CarePlanActivityKind.APPOINTMENT);
		detail.getCode().setText(text);
		detail.setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS);
		detail.setScheduled(new Timing().setRepeat(new Timing.TimingRepeatComponent().setFrequency(1).setPeriod(months)
				.setPeriodUnit(Timing.UnitsOfTime.MO)));
		detail.addPerformer(new Reference("PractitionerRole/" + group.rolesAt(site.id()).get(0)));
	}

	private CareTeam team(String patientId, Reference subject, Site village, Site township) {
		CareTeam team = new CareTeam();
		team.setId(patientId + "-team");
		team.getMeta().addProfile(Systems.PROFILE_FAMILY_DOCTOR_TEAM);
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setName(township.name() + "家庭医生团队");
		team.setSubject(subject);
		member(team, "township-gp", "乡镇全科医生", township.id());
		member(team, "village-doctor", "乡村医生", village.id());
		member(team, "county-specialist", "县级专科医生", DemoGroup.COUNTY_HOSPITAL_ID);
		team.setManagingOrganization(List.of(township.reference()));
		return team;
	}

	private void member(CareTeam team, String role, String chinese, String siteId) {
		team.addParticipant().addRole(new CodeableConcept(new Coding(Systems.FAMILY_DOCTOR_TEAM_ROLE, role, chinese)))
				.setMember(new Reference("PractitionerRole/" + group.rolesAt(siteId).get(0)));
	}

	private EpisodeOfCare contract(String patientId, Reference subject, Site township, int age, boolean chronic,
			Random random, int index) {
		LocalDate start = asOf.minusDays(random.nextInt(330));
		EpisodeOfCare contract = new EpisodeOfCare();
		contract.setId(patientId + "-contract");
		contract.getMeta().addProfile(Systems.PROFILE_FAMILY_DOCTOR_CONTRACT);
		contract.addIdentifier().setSystem(Systems.localRecordSystem(township.id()))
				.setValue(String.format("QY%d-%05d", start.getYear(), index));
		contract.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
		contract.addType(new CodeableConcept(new Coding(Systems.CONTRACT_TYPE, "family-doctor", "家庭医生签约服务")));
		if (age >= 65) {
			contract.addType(new CodeableConcept(new Coding(Systems.KEY_POPULATION, "elderly", "65岁及以上老年人")));
		}
		if (chronic) {
			contract.addType(new CodeableConcept(new Coding(Systems.KEY_POPULATION, "chronic", "两病三病患者")));
		}
		contract.setPatient(subject);
		contract.setManagingOrganization(township.reference());
		contract.getPeriod().setStart(PatientRecords.toDate(start, 9)).setEnd(PatientRecords.toDate(start.plusYears(1).minusDays(1), 9));
		contract.setCareManager(new Reference("PractitionerRole/" + group.rolesAt(township.id()).get(0)));
		contract.addTeam(new Reference("CareTeam/" + patientId + "-team"));
		return contract;
	}

	private static Optional<Observation> latest(List<Observation> readings, String loinc) {
		return readings.stream().filter(reading -> reading.getCode().getCoding().stream().anyMatch(c -> loinc.equals(c.getCode())))
				.max(Comparator.comparing(reading -> reading.getEffectiveDateTimeType().getValue()));
	}

}
