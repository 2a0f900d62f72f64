package org.onesheet.group.demo;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * The Provenance a demo load writes after its last Bundle: its presence means the whole demo of that seed and
 * size is stored, and a node that died mid-load leaves it missing. Asking for it is one read, where finding
 * the last resource of the Bundles themselves meant generating the whole demo again at every start.
 */
final class DemoLoadReceipt {

	private static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

	private DemoLoadReceipt() {
	}

	/** One id per seed and number of patients: a node started with more demo patients loads the rest. */
	static IdType id(long seed, int patients) {
		return new IdType("Provenance", "onesheet-demo-" + seed + "-" + patients);
	}

	static Provenance of(long seed, int patients) {
		Provenance receipt = new Provenance();
		receipt.setId(id(seed, patients));
		receipt.addTarget(new Reference("Organization/" + DemoGroupGenerator.GROUP_ORGANIZATION_ID));
		receipt.setRecorded(new Date());
		receipt.setActivity(new CodeableConcept(new Coding(DATA_OPERATION, "CREATE", "create"))
				.setText("演示数据载入完成 (demo county group loaded: " + patients + " patients, seed " + seed + ")"));
		receipt.addAgent().setWho(new Reference().setDisplay("OneSheet 服务器 (the server itself)"));
		return receipt;
	}
}
