package org.onesheet.support;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.Systems;

/** Fresh test residents, each with a valid resident ID of its own and Chinese text everywhere it can go. */
public final class TestPatients {

	/** 昌吉市: a division the demo group (吉木萨尔县) never uses, so test IDs cannot collide with demo IDs. */
	private static final String TEST_DIVISION = "652301";

	private TestPatients() {
	}

	public static ResidentId newResidentId(ResidentId.Sex sex) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birthDate = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
		return ResidentId.of(TEST_DIVISION, birthDate, random.nextInt(500), sex);
	}

	public static Patient withChineseText() {
		ResidentId residentId = newResidentId(ResidentId.Sex.MALE);
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(Systems.RESIDENT_ID).setValue(residentId.value());
		patient.addName().setText("欧阳娜娜").setFamily("欧阳").addGiven("娜娜");
		patient.setGender(AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType(residentId.birthDate().orElseThrow().toString()));
		patient.addAddress().setText("新疆维吾尔自治区昌吉回族自治州吉木萨尔县庆阳湖乡双河村８号（全角数字）")
				.setDistrict("吉木萨尔县").addLine("庆阳湖乡双河村８号");
		Narrative narrative = new Narrative();
		narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
		narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">高血压随访，血压控制良好。</div>");
		patient.setText(narrative);
		return patient;
	}

	public static String residentId(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> Systems.RESIDENT_ID.equals(identifier.getSystem()))
				.findFirst().orElseThrow().getValue();
	}

	public static Observation bloodPressure() {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem(Systems.LOINC).setCode("85354-9").setDisplay("Blood pressure panel");
		observation.getCode().setText("血压");
		observation.addComponent().setValue(new Quantity(150).setUnit("mmHg").setSystem(Systems.UCUM).setCode("mm[Hg]"))
				.getCode().addCoding().setSystem(Systems.LOINC).setCode("8480-6");
		return observation;
	}

	/** A transaction that creates the patient and points the observation at it by its temporary id. */
	public static Bundle transaction(Patient patient, Observation observation) {
		String patientUrl = "urn:uuid:" + UUID.randomUUID();
		observation.setSubject(new Reference(patientUrl));
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		return bundle;
	}
}
