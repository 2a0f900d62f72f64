package org.onesheet.group.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.group.demo.DemoGroup.Site;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.ResidentId.Sex;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;

/**
 * One invented resident's record across the group: registered at the home village clinic and township
 * branch under local record numbers (and again by the county hospital when seen there, or as a walk-in), with visits, blood pressure
 * and glucose readings, hypertension or diabetes where age makes it likely, and now and then an ECG read by
 * the county centre or a referral up or down.
 */
final class PatientRecords {

	static final String HYPERTENSION_ICD10 = "I10";
	static final String DIABETES_ICD10 = "E11.9";

	private final DemoGroup group;
	private final LocalDate asOf;
	private final ChronicCare chronicCare;
	private final Set<String> residentIdsIssued;
	private final Referrals referrals;
	private final RemoteReadingStudies readings;

	PatientRecords(DemoGroup group, LocalDate asOf, Set<String> residentIdsIssued) {
		this.group = group;
		this.asOf = asOf;
		this.residentIdsIssued = residentIdsIssued;
		this.referrals = new Referrals(group, asOf);
		this.readings = new RemoteReadingStudies(group, asOf);
		this.chronicCare = new ChronicCare(group, asOf);
	}

	static String patientId(int index) {
		return String.format("jmse-pat-%06d", index);
	}

	/**
	 * A resident's record in two parts: what the home clinics wrote ({@code first}), and the registrations other
	 * clinics made later (the county hospital's, a walk-in's) with their results ({@code later}). MDM links a
	 * later registration to the golden record the first one made; stored in the same moment, the two would be
	 * matched side by side, each finding no golden record to join.
	 */
	record Resident(List<Resource> first, List<Resource> later) {}

	/** The village clinic a resident is registered at: the first draw of the resident's random stream. */
	Site homeVillage(Random random) {
		return ChineseNames.pick(random, group.villageClinics());
	}

	/** Everything about patient number {@code index}, referencing only organisations, staff and itself. */
	Resident patient(int index, Random random) {
		String id = patientId(index);
		Site village = homeVillage(random);
		Site township = group.site(DemoGroup.townshipCentreId(village.township()));
		Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
		LocalDate birthDate = asOf.minusYears(2 + random.nextInt(88)).minusDays(random.nextInt(365));
		int age = asOf.getYear() - birthDate.getYear();
		boolean hypertensive = age >= 35 && random.nextInt(100) < Math.min(60, age - 20);
		boolean diabetic = age >= 35 && random.nextInt(100) < Math.min(25, (age - 25) / 2);
		boolean seenAtCounty = hypertensive && random.nextInt(3) == 0 || random.nextInt(8) == 0;

		List<Resource> record = new ArrayList<>();
		Patient patient = patientResource(id, index, random, sex, birthDate, village, township);
		record.add(patient);
		Reference subject = new Reference("Patient/" + id).setDisplay(patient.getNameFirstRep().getText());

		int visits = 1 + random.nextInt(3) + (hypertensive || diabetic ? 2 : 0);
		List<Observation> vitals = new ArrayList<>();
		for (int visit = 1; visit <= visits; visit++) {
			Site site = visit == visits && seenAtCounty
					? group.site(DemoGroup.COUNTY_HOSPITAL_ID)
					: (visit % 2 == 0 ? township : village);
			LocalDate day = asOf.minusDays((long) (visits - visit) * 30 + random.nextInt(20) + 1);
			String encounterId = id + "-enc-" + visit;
			record.add(encounter(encounterId, subject, site, day, random));
			Reference encounter = new Reference("Encounter/" + encounterId);
			Observation bloodPressure = bloodPressure(id + "-bp-" + visit, subject, encounter, site, day, random, hypertensive);
			record.add(bloodPressure);
			vitals.add(bloodPressure);
			if (diabetic || random.nextInt(4) == 0) {
				Observation glucose = fastingGlucose(id + "-glu-" + visit, subject, encounter, site, day, random, diabetic);
				record.add(glucose);
				vitals.add(glucose);
			}
		}
		if (hypertensive) {
			record.add(condition(id + "-htn", subject, HYPERTENSION_ICD10, "原发性高血压", "Essential hypertension", random));
		}
		if (diabetic) {
			record.add(condition(id + "-dm", subject, DIABETES_ICD10, "2型糖尿病", "Type 2 diabetes mellitus", random));
		}
		if (index % 8 == 3) {
			record.add(outsideVisit(id + "-enc-out", subject, asOf.minusDays(10 + index % 50)));
		}
		// About one woman of childbearing age in six is pregnant (from the index: the random stream stays as it was).
		boolean pregnant = sex == Sex.FEMALE && age >= 20 && age <= 40 && index % 6 == 1;
		record.addAll(chronicCare.of(id, subject, village, township, age, pregnant, hypertensive, diabetic, vitals, index));
		if (hypertensive && random.nextInt(4) == 0) {
			record.addAll(readings.ecg(id, subject, township, index, random));
		}
		if (index % 25 == 7) {
			record.addAll(referrals.upward(id, subject, township, random));
		} else if (index % 40 == 13 && seenAtCounty) {
			record.addAll(referrals.downward(id, subject, township, random));
		}
		List<Resource> later = new ArrayList<>();
		if (seenAtCounty) {
			later.addAll(countyRegistration(patient, index, random, diabetic));
		}
		if (index % 50 == 21) {
			later.add(walkInRegistration(patient, village, index));
		}
		return new Resident(record, later);
	}

	/**
	 * The county hospital registers the resident again under its own in-patient number (住院号), as hospitals
	 * do, sometimes with a full-width space typed into the name; MDM links it to the same golden record by the
	 * resident ID. Its laboratory's last result is one the whole group recognises (互认).
	 */
	private List<Resource> countyRegistration(Patient resident, int index, Random random, boolean diabetic) {
		Site county = group.site(DemoGroup.COUNTY_HOSPITAL_ID);
		Patient registration = resident.copy();
		registration.setId(resident.getIdElement().getIdPart() + "-zy");
		registration.getIdentifier().removeIf(identifier -> identifier.getSystem().startsWith(Systems.localRecordSystem("")));
		registration.addIdentifier().setSystem(Systems.localRecordSystem(DemoGroup.COUNTY_HOSPITAL_ID))
				.setValue(String.format("ZY%07d", 1_000_000 + index)).setType(identifierType("MR", "住院号"));
		if (index % 3 == 0) {
			HumanName name = registration.getNameFirstRep();
			name.setText(name.getFamily() + "\u3000" + name.getGivenAsSingleString());
		}
		registration.setManagingOrganization(county.reference());
		registration.setText(narrative(registration.getNameFirstRep().getText() + "，" + county.name() + "住院登记。"));
		Reference subject = new Reference("Patient/" + registration.getIdElement().getIdPart())
				.setDisplay(registration.getNameFirstRep().getText());
		Observation result = diabetic
				? labResult(registration.getIdElement().getIdPart() + "-hba1c", subject, county, asOf.minusDays(5 + random.nextInt(80)),
						"4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "糖化血红蛋白", 6.0 + random.nextInt(40) / 10.0, "%")
				: labResult(registration.getIdElement().getIdPart() + "-cbc", subject, county, asOf.minusDays(random.nextInt(10)),
						"58410-2", "CBC panel - Blood by Automated count", "血常规", 4.0 + random.nextInt(60) / 10.0, "10*9/L");
		return List.of(registration, result);
	}

	/**
	 * A walk-in registered at the village clinic without the ID card at hand: no resident ID, the name typed with a
	 * space. Same name, birth date and sex: MDM calls it a possible match for a person to confirm, not a match.
	 */
	private static Patient walkInRegistration(Patient resident, Site village, int index) {
		Patient walkIn = new Patient();
		walkIn.setId(resident.getIdElement().getIdPart() + "-ls");
		walkIn.setActive(true);
		walkIn.addIdentifier().setSystem(Systems.localRecordSystem(village.id()))
				.setValue(String.format("LS%08d", index)).setType(identifierType("MR", "临时就诊号"));
		HumanName name = resident.getNameFirstRep();
		walkIn.addName().setText(name.getFamily() + " " + name.getGivenAsSingleString())
				.setFamily(name.getFamily()).setGiven(name.getGiven());
		walkIn.setGender(resident.getGender());
		walkIn.setBirthDateElement(resident.getBirthDateElement().copy());
		walkIn.setManagingOrganization(village.reference());
		return walkIn;
	}

	private Observation labResult(String id, Reference subject, Site site, LocalDate day, String loincCode, String display,
			String chinese, double value, String unit) {
		Observation observation = new Observation();
		observation.setId(id);
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem(Systems.OBSERVATION_CATEGORY).setCode("laboratory")
				.setDisplay("Laboratory");
		observation.setCode(loinc(loincCode, display, chinese));
		observation.setSubject(subject);
		observation.setEffective(new DateTimeType(toDate(day, 8)));
		observation.addPerformer(site.reference());
		observation.setValue(new Quantity().setValue(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP))
				.setUnit(unit).setSystem(Systems.UCUM).setCode(unit));
		return observation;
	}

	private Patient patientResource(String id, int index, Random random, Sex sex, LocalDate birthDate,
			Site village, Site township) {
		ChineseNames.Name name = ChineseNames.next(random, sex);
		Patient patient = new Patient();
		patient.setId(id);
		patient.setActive(true);
		ResidentId residentId;
		do {
			residentId = ResidentId.of(CountyGeography.COUNTY_CODE, birthDate, random.nextInt(500), sex);
		} while (!residentIdsIssued.add(residentId.value()));
		patient.addIdentifier().setSystem(Systems.RESIDENT_ID).setValue(residentId.value())
				.setType(identifierType("NI", "居民身份证号"));
		patient.addIdentifier().setSystem(Systems.INSURANCE_CARD)
				.setValue(String.format("65232701%010d", index))
				.setType(identifierType("SB", "医保卡号"));
		patient.addIdentifier().setSystem(Systems.localRecordSystem(village.id()))
				.setValue(String.format("JK%08d", index)).setType(identifierType("MR", "健康档案号"));
		patient.addIdentifier().setSystem(Systems.localRecordSystem(township.id()))
				.setValue(String.format("MZ%s%06d", village.township().code(), index))
				.setType(identifierType("MR", "门诊号"));
		patient.addName().setText(name.text()).setFamily(name.family()).addGiven(name.given());
		patient.setGender(sex == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
		// A date without a time: converting through java.util.Date would shift it by the JVM's zone.
		patient.setBirthDateElement(new DateType(birthDate.toString()));
		String home = village.township().name() + village.village();
		String line = home + (1 + random.nextInt(120)) + "号";
		patient.addAddress(CountyGeography.address(line));
		patient.addTelecom().setSystem(ContactPointSystem.PHONE)
				.setValue(String.format("1%02d%08d", 30 + random.nextInt(60), random.nextInt(100_000_000)));
		patient.setManagingOrganization(village.reference());
		patient.setText(narrative(name.text() + "，" + (sex == Sex.MALE ? "男" : "女") + "，" + birthDate.getYear()
				+ "年生，住" + home + "，签约" + village.name() + "。"));
		return patient;
	}

	/** A visit to the prefecture hospital, outside the group: it counts against the county visit rate (县域就诊率). */
	private static Encounter outsideVisit(String id, Reference subject, LocalDate day) {
		Encounter encounter = new Encounter();
		encounter.setId(id);
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding(Systems.ACT_CODE, "AMB", "ambulatory"));
		encounter.addType().setText("县外门诊 (outpatient visit outside the county)");
		encounter.setSubject(subject);
		encounter.setServiceProvider(new Reference("Organization/" + DemoGroup.PREFECTURE_HOSPITAL_ID).setDisplay("昌吉回族自治州人民医院"));
		Date start = toDate(day, 10);
		encounter.setPeriod(new Period().setStart(start).setEnd(new Date(start.getTime() + 60 * 60_000L)));
		return encounter;
	}

	private Encounter encounter(String id, Reference subject, Site site, LocalDate day, Random random) {
		Encounter encounter = new Encounter();
		encounter.setId(id);
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding(Systems.ACT_CODE, "AMB", "ambulatory"));
		encounter.addType().setText(site.level() == InstitutionLevel.VILLAGE_CLINIC
				? "随访 (follow-up visit)"
				: "门诊 (outpatient visit)");
		encounter.setSubject(subject);
		encounter.setServiceProvider(site.reference());
		encounter.addParticipant().setIndividual(new Reference("PractitionerRole/" + group.roleAt(site.id(), random)));
		Date start = toDate(day, 8 + random.nextInt(9));
		encounter.setPeriod(new Period().setStart(start).setEnd(new Date(start.getTime() + 20 * 60_000L)));
		return encounter;
	}

	private Observation bloodPressure(String id, Reference subject, Reference encounter, Site site, LocalDate day,
			Random random, boolean hypertensive) {
		int systolic = hypertensive ? 128 + random.nextInt(50) : 105 + random.nextInt(30);
		int diastolic = hypertensive ? 78 + random.nextInt(28) : 65 + random.nextInt(20);
		Observation observation = vitalSign(id, subject, encounter, site, day, "85354-9", "Blood pressure panel",
				"血压");
		observation.addComponent().setCode(loinc("8480-6", "Systolic blood pressure", "收缩压"))
				.setValue(mmHg(systolic));
		observation.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure", "舒张压"))
				.setValue(mmHg(diastolic));
		return observation;
	}

	private Observation fastingGlucose(String id, Reference subject, Reference encounter, Site site, LocalDate day,
			Random random, boolean diabetic) {
		double mmol = diabetic ? 6.0 + random.nextInt(80) / 10.0 : 4.2 + random.nextInt(18) / 10.0;
		Observation observation = vitalSign(id, subject, encounter, site, day, "1558-6",
				"Fasting glucose [Mass/volume] in Serum or Plasma", "空腹血糖");
		observation.getCategoryFirstRep().getCodingFirstRep().setCode("laboratory").setDisplay("Laboratory");
		observation.setValue(new Quantity().setValue(BigDecimal.valueOf(mmol).setScale(1, RoundingMode.HALF_UP))
				.setUnit("mmol/L").setSystem(Systems.UCUM).setCode("mmol/L"));
		return observation;
	}

	private Observation vitalSign(String id, Reference subject, Reference encounter, Site site, LocalDate day,
			String loincCode, String display, String chinese) {
		Observation observation = new Observation();
		observation.setId(id);
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem(Systems.OBSERVATION_CATEGORY).setCode("vital-signs")
				.setDisplay("Vital Signs");
		observation.setCode(loinc(loincCode, display, chinese));
		observation.setSubject(subject);
		observation.setEncounter(encounter);
		observation.setEffective(new DateTimeType(toDate(day, 9)));
		observation.addPerformer(site.reference());
		return observation;
	}

	private Condition condition(String id, Reference subject, String icd10, String chinese, String english,
			Random random) {
		Condition condition = new Condition();
		condition.setId(id);
		condition.setClinicalStatus(new CodeableConcept(new Coding(Systems.CONDITION_CLINICAL, "active", "Active")));
		condition.addCategory(new CodeableConcept(
				new Coding(Systems.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
		CodeableConcept code = new CodeableConcept(new Coding(Systems.ICD_10, icd10, english));
		code.setText(chinese);
		condition.setCode(code);
		condition.setSubject(subject);
		condition.setOnset(new DateTimeType(toDate(asOf.minusYears(1 + random.nextInt(12)), 10)));
		return condition;
	}

	static CodeableConcept loinc(String code, String display, String chinese) {
		CodeableConcept concept = new CodeableConcept(new Coding(Systems.LOINC, code, display));
		concept.setText(chinese);
		return concept;
	}

	private static Quantity mmHg(int value) {
		return new Quantity().setValue(value).setUnit("mmHg").setSystem(Systems.UCUM).setCode("mm[Hg]");
	}

	private static CodeableConcept identifierType(String code, String chinese) {
		CodeableConcept type = new CodeableConcept(new Coding(Systems.IDENTIFIER_TYPE, code, null));
		type.setText(chinese);
		return type;
	}

	static Narrative narrative(String chineseText) {
		Narrative narrative = new Narrative();
		narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
		XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
		div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
		div.addText(chineseText);
		narrative.setDiv(div);
		return narrative;
	}

	static Date toDate(LocalDate day, int hour) {
		return Date.from(day.atTime(hour, 0).atZone(ChinaTime.ZONE).toInstant());
	}
}
