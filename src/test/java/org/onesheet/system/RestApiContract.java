package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.ArrayList;
import java.util.List;
import ca.uhn.fhir.mdm.util.MdmResourceUtil;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/** What a member clinic's system does every day over REST, against whichever database the server runs on. */
public interface RestApiContract {

	FhirEndpoint endpoint();

	@Test
	default void metadataDescribesAnR4ServerInUtf8Json() {
		var response = endpoint().http().get("/fhir/metadata");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/fhir+json").containsIgnoringCase("charset=utf-8");
		CapabilityStatement capabilities =
				FhirEndpoint.FHIR.newJsonParser().parseResource(CapabilityStatement.class, response.asString());
		assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(capabilities.getSoftware().getName()).isEqualTo("OneSheet");
	}

	@Test
	default void demoGroupHasEightTownshipBranchesEachWithVillageClinics() {
		IGenericClient client = endpoint().client();
		Bundle townships = client.search().forResource(Organization.class)
				.where(Organization.TYPE.exactly().systemAndCode(Systems.INSTITUTION_LEVEL, "township-centre"))
				.and(Organization.PARTOF.hasId("Organization/jmse-group"))
				.returnBundle(Bundle.class).execute();
		assertThat(townships.getEntry()).hasSize(8);
		for (var entry : townships.getEntry()) {
			Bundle villages = client.search().forResource(Organization.class)
					.where(Organization.PARTOF.hasId(entry.getResource().getIdElement().toUnqualifiedVersionless()))
					.returnBundle(Bundle.class).execute();
			assertThat(villages.getEntry()).hasSizeBetween(3, 5);
		}
	}

	@Test
	default void aDemoResidentIdFindsTheResidentsRegistrationsAndGoldenRecord() {
		IGenericClient client = endpoint().client();
		Patient demo = client.read().resource(Patient.class).withId("jmse-pat-000001").execute();
		String residentId = demo.getIdentifier().stream()
				.filter(identifier -> Systems.RESIDENT_ID.equals(identifier.getSystem()))
				.findFirst().orElseThrow().getValue();

		var response = endpoint().http()
				.queryParam("identifier", Systems.RESIDENT_ID + "|" + residentId)
				.get("/fhir/Patient");

		Bundle found = FhirEndpoint.FHIR.newJsonParser().parseResource(Bundle.class, response.asString());
		// The resident's registrations, and the golden record MDM keeps for them (tagged GOLDEN_RECORD).
		List<Patient> patients = found.getEntry().stream().map(entry -> (Patient) entry.getResource()).toList();
		assertThat(patients).allSatisfy(each -> assertThat(each.getIdentifier())
				.anyMatch(identifier -> residentId.equals(identifier.getValue())));
		assertThat(patients).filteredOn(MdmResourceUtil::isGoldenRecord).hasSizeLessThanOrEqualTo(1);
		Patient patient = patients.stream().filter(each -> each.getIdElement().getIdPart().equals("jmse-pat-000001"))
				.findFirst().orElseThrow();
		assertThat(patient.getNameFirstRep().getText()).isEqualTo(demo.getNameFirstRep().getText()).matches("\\p{IsHan}.+");
	}

	@Test
	default void chineseNameAddressAndNarrativeRoundTripThroughStorageAndSearch() {
		IGenericClient client = endpoint().client();
		Patient sent = TestPatients.withChineseText();
		IIdType id = client.create().resource(sent).execute().getId();

		Patient read = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(read.getNameFirstRep().getText()).isEqualTo(sent.getNameFirstRep().getText());
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("欧阳");
		assertThat(read.getAddressFirstRep().getText()).isEqualTo(sent.getAddressFirstRep().getText());
		assertThat(read.getText().getDivAsString()).contains("高血压随访，血压控制良好。");

		Bundle byName = client.search().forResource(Patient.class)
				.where(Patient.FAMILY.matchesExactly().value("欧阳"))
				.and(Patient.IDENTIFIER.exactly().systemAndIdentifier(Systems.RESIDENT_ID, TestPatients.residentId(sent)))
				.returnBundle(Bundle.class).execute();
		assertThat(byName.getEntry()).hasSize(1);
		Bundle byAddress = client.search().forResource(Patient.class)
				.where(Patient.ADDRESS.matches().value("庆阳湖乡双河"))
				.and(Patient.IDENTIFIER.exactly().systemAndIdentifier(Systems.RESIDENT_ID, TestPatients.residentId(sent)))
				.returnBundle(Bundle.class).execute();
		assertThat(byAddress.getEntry()).hasSize(1);
	}

	@Test
	default void updateWithIfMatchRequiresTheCurrentVersionAndHistoryKeepsBoth() {
		IGenericClient client = endpoint().client();
		Patient patient = TestPatients.withChineseText();
		IIdType id = client.create().resource(patient).execute().getId();

		patient.setId(id.toUnqualifiedVersionless());
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("13899001122");
		IIdType second = client.update().resource(patient).withId(id.withVersion("1")).execute().getId();
		assertThat(second.getVersionIdPart()).isEqualTo("2");

		patient.getTelecomFirstRep().setValue("13800000000");
		assertThatThrownBy(() -> client.update().resource(patient).withId(id.withVersion("1")).execute())
				.isInstanceOf(ResourceVersionConflictException.class);

		Bundle history = client.history().onInstance(id.toUnqualifiedVersionless()).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);
		assertThat(client.read().resource(Patient.class).withId(id.getIdPart()).execute().getTelecomFirstRep().getValue())
				.isEqualTo("13899001122");
	}

	@Test
	default void transactionCreatesAPatientAndItsObservationTogether() {
		IGenericClient client = endpoint().client();
		Patient patient = TestPatients.withChineseText();
		Bundle transaction = TestPatients.transaction(patient, TestPatients.bloodPressure());

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).extracting(entry -> entry.getResponse().getStatus())
				.allMatch(status -> status.startsWith("201"));
		Bundle stored = client.search().forResource(Observation.class)
				.where(Observation.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly()
						.systemAndIdentifier(Systems.RESIDENT_ID, TestPatients.residentId(patient))))
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).hasSize(1);
	}

	/**
	 * Pages follow one another by {@code _offset} (system/SearchesWithoutWrites), and
	 * walking them gives every result once, in the order one large page gives.
	 */
	@Test
	default void aSearchPagesByOffsetAndGivesEveryResultOnceInOrder() {
		IGenericClient client = endpoint().client();
		List<String> whole = organisationIds(client.search().forResource(Organization.class).sort().ascending("_id")
				.count(500).returnBundle(Bundle.class).execute());
		List<String> paged = new ArrayList<>();
		for (Bundle page : endpoint().pages(client.search().forResource(Organization.class).sort().ascending("_id")
				.count(7).returnBundle(Bundle.class).execute())) {
			assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(7);
			paged.addAll(organisationIds(page));
			Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
			if (next != null) {
				assertThat(next.getUrl()).contains("_offset=" + paged.size()).doesNotContain("_getpages");
			}
		}
		assertThat(whole).hasSizeGreaterThan(14);
		assertThat(paged).isEqualTo(whole);
	}

	private static List<String> organisationIds(Bundle page) {
		return page.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}
}
