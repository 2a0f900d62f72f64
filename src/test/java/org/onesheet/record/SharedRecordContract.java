package org.onesheet.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesheet.record.TestRecords.COUNTY;
import static org.onesheet.record.TestRecords.TOWNSHIP;
import static org.onesheet.record.TestRecords.TOWNSHIP_2;
import static org.onesheet.record.TestRecords.create;
import static org.onesheet.record.TestRecords.goldenOf;
import static org.onesheet.record.TestRecords.labResult;
import static org.onesheet.record.TestRecords.registration;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/**
 * 全省一张单: one resident registered at three clinics under three record numbers is one golden record whose
 * whole record any member reads; a namesake with another resident ID is never merged.
 */
public interface SharedRecordContract {

	FhirEndpoint endpoint();

	private List<String> everything(String url) {
		Bundle bundle = endpoint().client().fetchResourceFromUrl(Bundle.class, endpoint().base() + "/" + url);
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.toList();
	}

	@Test
	default void threeRegistrationsOfOneResidentAreOneGoldenRecordWithEveryClinicsResults() throws Exception {
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.FEMALE);
		String atTownship = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "王芳"));
		String atOtherTownship = create(endpoint(), registration(resident, TOWNSHIP_2, "JK-" + resident.value(), "王　芳"));
		String atCounty = create(endpoint(), registration(resident, COUNTY, "ZY-" + resident.value(), "王 芳"));
		String glucose = labResult(endpoint(), atTownship, TOWNSHIP, "1558-6", "空腹血糖", 6.1, "mmol/L", Duration.ofDays(1));
		String hba1c = labResult(endpoint(), atOtherTownship, TOWNSHIP_2, "4548-4", "糖化血红蛋白", 6.8, "%", Duration.ofDays(2));
		String lipids = labResult(endpoint(), atCounty, COUNTY, "57698-3", "血脂四项", 5.2, "mmol/L", Duration.ofDays(3));

		String golden = goldenOf(endpoint(), atTownship, "MATCH");
		assertThat(goldenOf(endpoint(), atOtherTownship, "MATCH")).isEqualTo(golden);
		assertThat(goldenOf(endpoint(), atCounty, "MATCH")).isEqualTo(golden);
		Patient goldenRecord = endpoint().client().read().resource(Patient.class).withId(golden).execute();
		assertThat(goldenRecord.getIdentifier()).anySatisfy(identifier -> {
			assertThat(identifier.getSystem()).isEqualTo(Systems.RESIDENT_ID);
			assertThat(identifier.getValue()).isEqualTo(resident.value());
		});

		assertThat(everything(golden + "/$everything?_count=100")).contains(glucose, hba1c, lipids, atTownship, atCounty);
		assertThat(everything(atCounty + "/$everything?_count=100")).as("a local id reads the whole record too")
				.contains(glucose, hba1c, lipids);
		assertThat(everything(atCounty + "/$everything?_mdm=false&_count=100")).as("one registration's own data")
				.contains(lipids).doesNotContain(glucose, hba1c);
		assertThat(everything(golden + "/$everything?_type=Observation&_count=100"))
				.containsExactlyInAnyOrder(glucose, hba1c, lipids);

		assertThat(everything("Observation?subject:mdm=" + atTownship)).containsExactlyInAnyOrder(glucose, hba1c, lipids);
		assertThat(everything("Observation?patient.identifier=" + Systems.RESIDENT_ID + "%7C" + resident.value()))
				.containsExactlyInAnyOrder(glucose, hba1c, lipids);
	}

	/** A page the filters thin out still links to the next: the record is read to its end, not to the first thin page. */
	@Test
	default void aFilteredRecordsPagesLeadThroughTheWholeRecord() throws Exception {
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.FEMALE);
		String patient = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "赵秀兰"));
		List<String> results = new ArrayList<>();
		for (int day = 1; day <= 4; day++) {
			results.add(labResult(endpoint(), patient, TOWNSHIP, "1558-6", "空腹血糖", 5.0 + day / 10.0, "mmol/L", Duration.ofDays(day)));
		}
		goldenOf(endpoint(), patient, "MATCH");

		List<Bundle> pages = endpoint().pages(endpoint().client().fetchResourceFromUrl(Bundle.class,
				endpoint().base() + "/" + patient + "/$everything?_type=Observation&_count=2"));
		List<String> shown = pages.stream().flatMap(page -> page.getEntry().stream())
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
		assertThat(shown).containsExactlyInAnyOrderElementsOf(results);
		assertThat(pages).hasSizeGreaterThan(2);
	}

	@Test
	default void everythingSinceAnInstantReturnsOnlyWhatChangedSince() throws Exception {
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.MALE);
		String patient = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "李建国"));
		String before = labResult(endpoint(), patient, TOWNSHIP, "1558-6", "空腹血糖", 5.4, "mmol/L", Duration.ofDays(1));
		goldenOf(endpoint(), patient, "MATCH");
		Thread.sleep(1100);
		// Formatted, not toString(): that leaves the seconds out when they are zero, and an instant needs them.
		String since = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS)
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		Thread.sleep(1100);
		String after = labResult(endpoint(), patient, TOWNSHIP, "4548-4", "糖化血红蛋白", 7.4, "%", Duration.ZERO);

		assertThat(everything(patient + "/$everything?_since=" + since.replace("+", "%2B")))
				.contains(after).doesNotContain(before, patient);
		assertThat(everything("Observation?subject:mdm=" + patient + "&_lastUpdated=gt" + since.replace("+", "%2B")))
				.containsExactly(after);
	}

	@Test
	default void aSinceThatIsNotAnInstantIsRefusedWith400() {
		Response response = endpoint().http().get("/fhir/Patient/jmse-pat-000001/$everything?_since=yesterday");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.asString()).contains("OperationOutcome").contains("_since");
	}

	@Test
	default void aNamesakeBornTheSameDayWithAnotherResidentIdIsNotMerged() throws Exception {
		ResidentId first = TestPatients.newResidentId(ResidentId.Sex.MALE);
		ResidentId second;
		do {
			second = ResidentId.of("652301", first.birthDate().orElseThrow(),
					java.util.concurrent.ThreadLocalRandom.current().nextInt(500), ResidentId.Sex.MALE);
		} while (second.value().equals(first.value()));
		String one = create(endpoint(), registration(first, TOWNSHIP, "MZ-" + first.value(), "张伟"));
		String other = create(endpoint(), registration(second, COUNTY, "ZY-" + second.value(), "张　伟"));

		String goldenOne = goldenOf(endpoint(), one, "MATCH");
		String goldenOther = goldenOf(endpoint(), other, "MATCH");
		assertThat(goldenOther).as("two resident IDs, two people").isNotEqualTo(goldenOne);
		assertThat(TestRecords.links(endpoint(), other)).noneSatisfy(link -> {
			assertThat(link.golden()).isEqualTo(goldenOne);
			assertThat(link.matchResult()).isEqualTo("MATCH");
		});
	}

	@Test
	default void aRegistrationWithoutResidentIdIsAPossibleMatchForAPersonToConfirm() throws Exception {
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.FEMALE);
		String birthDate = resident.birthDate().orElseThrow().toString();
		String known = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "古丽·艾力",
				AdministrativeGender.FEMALE, birthDate));
		String golden = goldenOf(endpoint(), known, "MATCH");
		// A village clerk without the ID card at hand, typing the full-width separator and a space.
		String walkIn = create(endpoint(), registration(null, "jmse-tc-01", "LS-" + resident.value(), "古丽・ 艾力",
				AdministrativeGender.FEMALE, birthDate));

		assertThat(goldenOf(endpoint(), walkIn, "POSSIBLE_MATCH")).isEqualTo(golden);
		String result = labResult(endpoint(), walkIn, TOWNSHIP, "1558-6", "空腹血糖", 5.0, "mmol/L", Duration.ofHours(2));
		assertThat(everything(golden + "/$everything?_type=Observation")).doesNotContain(result);

		// The reviewer confirms: now the walk-in's results are part of the record.
		endpoint().client().operation().onServer().named("$mdm-update-link")
				.withParameter(Parameters.class, "goldenResourceId", new StringType(golden))
				.andParameter("resourceId", new StringType(walkIn))
				.andParameter("matchResult", new StringType("MATCH")).execute();
		assertThat(everything(golden + "/$everything?_type=Observation")).contains(result);
	}

	@Test
	default void anEmrsDailyPullReturnsOnlyWhatChangedSinceItsLastPull() throws Exception {
		Instant lastPull = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Thread.sleep(1100);
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.MALE);
		String patient = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "赵德明"));
		String result = labResult(endpoint(), patient, TOWNSHIP, "58410-2", "血常规", 4.5, "10*9/L", Duration.ofHours(1));

		List<String> changed = everything("Observation?_lastUpdated=gt" + lastPull + "&_count=500");
		assertThat(changed).contains(result);
		assertThat(everything("Observation?_lastUpdated=gt" + lastPull + "&_count=500"))
				.allSatisfy(id -> assertThat(id).doesNotStartWith("Observation/jmse-pat-"));
	}
}
