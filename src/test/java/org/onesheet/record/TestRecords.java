package org.onesheet.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.Systems;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;

/** Registrations of one resident at several clinics, their results, and their MDM links, as the tests need them. */
final class TestRecords {

	static final String TOWNSHIP = "jmse-tc-01";
	static final String TOWNSHIP_2 = "jmse-tc-02";
	static final String COUNTY = "jmse-county-hospital";

	private TestRecords() {
	}

	/** The resident as one clinic registers them: its own record number, the name as its clerk typed it. */
	static Patient registration(ResidentId residentId, String clinic, String localNumber, String name) {
		Patient patient = new Patient();
		if (residentId != null) {
			patient.addIdentifier().setSystem(Systems.RESIDENT_ID).setValue(residentId.value());
		}
		patient.addIdentifier().setSystem(Systems.localRecordSystem(clinic)).setValue(localNumber);
		patient.addName().setText(name);
		patient.setGender(residentId == null || residentId.sex() == ResidentId.Sex.MALE
				? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
		return patient;
	}

	static Patient registration(ResidentId residentId, String clinic, String localNumber, String name,
			AdministrativeGender sex, String birthDate) {
		Patient patient = registration(residentId, clinic, localNumber, name);
		patient.setGender(sex);
		patient.setBirthDateElement(new DateType(birthDate));
		return patient;
	}

	static String create(FhirEndpoint endpoint, Patient patient) {
		if (!patient.hasBirthDate()) {
			ResidentId id = new ResidentId(patient.getIdentifierFirstRep().getValue());
			patient.setBirthDateElement(new DateType(id.birthDate().orElseThrow().toString()));
		}
		return endpoint.client().create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** A final LOINC-coded lab result of the patient, performed by a clinic, taken some time ago. */
	static String labResult(FhirEndpoint endpoint, String patient, String clinic, String loinc, String text,
			double value, String unit, Duration ago) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem(Systems.LOINC).setCode(loinc);
		observation.getCode().setText(text);
		observation.addCategory().addCoding().setSystem(Systems.OBSERVATION_CATEGORY).setCode("laboratory");
		observation.setSubject(new Reference(patient));
		observation.addPerformer(new Reference("Organization/" + clinic));
		observation.setEffective(new DateTimeType(Date.from(Instant.now().minus(ago))));
		observation.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit)
				.setSystem(Systems.UCUM).setCode(unit));
		return endpoint.client().create().resource(observation).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** The golden record MDM linked the registration to with the given match result, once it has. */
	static String goldenOf(FhirEndpoint endpoint, String patient, String matchResult) {
		return Eventually.that(patient + " linked by MDM (" + matchResult + ")")
				.until(() -> links(endpoint, patient).stream().filter(link -> link.matchResult().equals(matchResult))
						.map(Link::golden).findFirst(), Optional::isPresent)
				.orElseThrow();
	}

	record Link(String golden, String source, String matchResult) {
	}

	static List<Link> links(FhirEndpoint endpoint, String patient) {
		Parameters found = endpoint.client().operation().onServer().named("$mdm-query-links")
				.withParameter(Parameters.class, "resourceId", new StringType(patient)).useHttpGet().execute();
		return found.getParameter().stream().filter(parameter -> "link".equals(parameter.getName()))
				.map(link -> new Link(part(link, "goldenResourceId"), part(link, "sourceResourceId"), part(link, "matchResult")))
				.toList();
	}

	private static String part(Parameters.ParametersParameterComponent link, String name) {
		return link.getPart().stream().filter(part -> name.equals(part.getName())).findFirst()
				.map(part -> part.getValue().primitiveValue()).orElse("");
	}

	static String id(String reference) {
		return new IdType(reference).getIdPart();
	}
}
