package org.onesheet.chronic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/** A hypertension patient of a village clinic with a chronic plan, and the readings the tests post. */
final class TestPlans {

	static final String VILLAGE = "Organization/jmse-vc-01-1";
	static final String TOWNSHIP = "Organization/jmse-tc-01";
	static final String COUNTY = "Organization/jmse-county-hospital";

	private TestPlans() {
	}

	/** A resident registered at the village clinic, with an active hypertension plan at the given grade. */
	static String hypertensionPlan(FhirEndpoint endpoint, Grade grade, String managedBy) {
		Patient resident = TestPatients.withChineseText();
		resident.setManagingOrganization(new Reference(VILLAGE));
		String patient = endpoint.client().create().resource(resident).execute().getId().toUnqualifiedVersionless().getValue();
		return plan(endpoint, patient, grade, managedBy, null);
	}

	static String plan(FhirEndpoint endpoint, String patient, Grade grade, String managedBy, String nextFollowUp) {
		Condition hypertension = new Condition();
		hypertension.setSubject(new Reference(patient));
		hypertension.setCode(new CodeableConcept(new Coding(Systems.ICD_10, "I10", "Essential hypertension")).setText("原发性高血压"));
		hypertension.setClinicalStatus(new CodeableConcept(new Coding(Systems.CONDITION_CLINICAL, "active", null)));
		String condition = endpoint.client().create().resource(hypertension).execute().getId().toUnqualifiedVersionless().getValue();
		Goal goal = new Goal();
		goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		goal.getDescription().setText("血压控制在140/90 mmHg以下");
		goal.setSubject(new Reference(patient));
		String goalId = endpoint.client().create().resource(goal).execute().getId().toUnqualifiedVersionless().getValue();

		CarePlan plan = new CarePlan();
		plan.getMeta().addProfile(Systems.PROFILE_CHRONIC_CARE_PLAN);
		plan.addExtension(Systems.EXT_CHRONIC_DISEASE, new CodeableConcept(new Coding(Systems.ICD_10, "I10", "Essential hypertension")));
		plan.addExtension(Systems.EXT_CHRONIC_GRADE, grade.coding());
		Grade level = Grade.ofInstitution(levelOf(managedBy)).orElseThrow();
		plan.addExtension(Systems.EXT_MANAGING_LEVEL, level.levelCoding());
		if (nextFollowUp != null) {
			plan.addExtension(Systems.EXT_NEXT_FOLLOW_UP, new org.hl7.fhir.r4.model.DateType(nextFollowUp));
		}
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory(new CodeableConcept(new Coding(Systems.CHRONIC_PROGRAMME, "hypertension", "高血压")));
		plan.setTitle("高血压患者健康管理");
		plan.setSubject(new Reference(patient));
		plan.getPeriod().setStart(new Date());
		plan.setAuthor(new Reference(managedBy));
		plan.addAddresses(new Reference(condition));
		plan.addGoal(new Reference(goalId));
		return endpoint.client().create().resource(plan).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private static org.onesheet.group.InstitutionLevel levelOf(String organisation) {
		return organisation.equals(COUNTY) ? org.onesheet.group.InstitutionLevel.COUNTY_HOSPITAL
				: organisation.startsWith("Organization/jmse-tc") ? org.onesheet.group.InstitutionLevel.TOWNSHIP_CENTRE
				: org.onesheet.group.InstitutionLevel.VILLAGE_CLINIC;
	}

	/** A blood pressure panel taken {@code ago} before now at the clinic. */
	static String bloodPressure(FhirEndpoint endpoint, String patient, String clinic, int systolic, int diastolic,
			Duration ago) {
		Observation panel = bloodPressurePanel(patient, clinic, systolic, diastolic, ago);
		return endpoint.client().create().resource(panel).execute().getId().toUnqualifiedVersionless().getValue();
	}

	static Observation bloodPressurePanel(String patient, String clinic, int systolic, int diastolic, Duration ago) {
		Observation panel = new Observation();
		panel.setStatus(Observation.ObservationStatus.FINAL);
		panel.setCode(new CodeableConcept(new Coding(Systems.LOINC, "85354-9", "Blood pressure panel")).setText("血压"));
		panel.setSubject(new Reference(patient));
		panel.setEffective(new DateTimeType(Date.from(Instant.now().minus(ago))));
		panel.addPerformer(new Reference(clinic));
		panel.addComponent().setCode(new CodeableConcept(new Coding(Systems.LOINC, "8480-6", "Systolic blood pressure")))
				.setValue(mmHg(systolic));
		panel.addComponent().setCode(new CodeableConcept(new Coding(Systems.LOINC, "8462-4", "Diastolic blood pressure")))
				.setValue(mmHg(diastolic));
		return panel;
	}

	private static Quantity mmHg(int value) {
		return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit("mmHg").setSystem(Systems.UCUM).setCode("mm[Hg]");
	}

	static CarePlan read(FhirEndpoint endpoint, String plan) {
		return endpoint.client().read().resource(CarePlan.class).withId(plan).execute();
	}

	/** Every move proposed for the plan, open or not. */
	static List<Task> proposals(FhirEndpoint endpoint, String plan) {
		Bundle found = endpoint.client().search().forResource(Task.class)
				.where(Task.BASED_ON.hasId(plan)).returnBundle(Bundle.class).execute();
		return found.getEntry().stream().map(entry -> (Task) entry.getResource()).toList();
	}

	static String code(CarePlan plan, String extensionUrl) {
		return ((Coding) plan.getExtensionByUrl(extensionUrl).getValue()).getCode();
	}
}
