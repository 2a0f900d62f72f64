package org.onesheet.group.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.onesheet.system.ChinaTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Loading the demo group again, as a second node starting at the same time would, adds nothing. */
@H2ServerTest
class DemoGroupLoadTest {

	@Value("${onesheet.demo-patients}")
	int demoPatients;

	@LocalServerPort
	int port;

	@Test
	void postingTheDemoBundlesAgainUpdatesInPlaceAndDuplicatesNothing() {
		IGenericClient client = new FhirEndpoint(port).client();
		int patientsBefore = countPatients(client);
		List<Bundle> bundles = new ArrayList<>();
		new DemoGroupGenerator(DemoGroupGenerator.DEFAULT_SEED, 60, DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE,
				LocalDate.now(ChinaTime.ZONE)).forEachBundle(bundles::add);

		for (Bundle bundle : List.of(bundles.get(0), bundles.get(2))) {
			Bundle response = client.transaction().withBundle(bundle).execute();
			assertThat(response.getEntry()).isNotEmpty().allSatisfy(entry ->
					assertThat(entry.getResponse().getStatus()).as(entry.getResponse().getLocation()).startsWith("200"));
		}

		assertThat(countPatients(client)).isEqualTo(patientsBefore);
	}

	@Test
	void aCompleteLoadLeavesAReceiptForTheNextStartToFind() {
		IGenericClient client = new FhirEndpoint(port).client();

		Provenance receipt = client.read().resource(Provenance.class)
				.withId(DemoLoadReceipt.id(DemoGroupGenerator.DEFAULT_SEED, demoPatients)).execute();

		assertThat(receipt.getTargetFirstRep().getReference()).isEqualTo("Organization/" + DemoGroupGenerator.GROUP_ORGANIZATION_ID);
		assertThat(receipt.getActivity().getText()).contains("演示数据载入完成", demoPatients + " patients");
		assertThat(receipt.getRecorded()).isNotNull();
	}

	private static int countPatients(IGenericClient client) {
		// Registrations only: MDM may still be creating golden records for the first load while this runs.
		return client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.hasSystemWithAnyCode(Systems.RESIDENT_ID))
				.and(new TokenClientParam("_tag:not").exactly()
						.systemAndCode("http://hapifhir.io/fhir/NamingSystem/mdm-record-status", "GOLDEN_RECORD"))
				.summaryMode(SummaryEnum.COUNT)
				.returnBundle(Bundle.class).execute().getTotal();
	}
}
