package org.onesheet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Makes Synthea's Patients residents of the demo county, so that they meet OneSheetPatient as any member
 * clinic's registrations must: a resident ID (GB 11643, with the birth date and sex it encodes), every name
 * with its text in Chinese characters, and the medical record number in a clinic's own number system. The
 * rest of what Synthea wrote (encounters, results, claims…) is loaded as it is. Deterministic: the same
 * Synthea seed gives the same load.
 */
final class SyntheaResidents {

	static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
	private static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
	private static final String LOCAL_RECORD = "http://onesheet.org/fhir/sid/local-record/jmse-county-hospital";
	private static final String COUNTY_CODE = "652327"; // 吉木萨尔县
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
	private static final String GIVEN = "建国秀英伟明丽华志强军芳敏静磊洋艳勇杰娟涛超霞平刚桂兰";
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

	private SyntheaResidents() {
	}

	static void adapt(JsonObject bundle) {
		for (JsonElement entry : bundle.getAsJsonArray("entry")) {
			JsonObject resource = entry.getAsJsonObject().getAsJsonObject("resource");
			if ("Patient".equals(resource.get("resourceType").getAsString()) && !hasResidentId(resource)) {
				makeResident(resource);
			}
		}
	}

	private static boolean hasResidentId(JsonObject patient) {
		JsonArray identifiers = patient.getAsJsonArray("identifier");
		if (identifiers != null) {
			for (JsonElement identifier : identifiers) {
				JsonElement system = identifier.getAsJsonObject().get("system");
				if (system != null && RESIDENT_ID.equals(system.getAsString())) {
					return true;
				}
			}
		}
		return false;
	}

	private static void makeResident(JsonObject patient) {
		int hash = patient.get("id").getAsString().hashCode() & Integer.MAX_VALUE;
		String name = SURNAMES.charAt(hash % SURNAMES.length()) + "" + GIVEN.charAt((hash / 20) % GIVEN.length())
				+ GIVEN.charAt((hash / 600) % GIVEN.length());
		for (JsonElement each : patient.getAsJsonArray("name")) {
			each.getAsJsonObject().addProperty("text", name);
		}
		JsonArray identifiers = patient.getAsJsonArray("identifier");
		for (JsonElement identifier : identifiers) {
			JsonObject object = identifier.getAsJsonObject();
			if (object.has("type") && object.getAsJsonObject("type").toString().contains("\"MR\"")) {
				object.addProperty("system", LOCAL_RECORD);
			}
		}
		boolean male = "male".equals(patient.get("gender").getAsString());
		int sequence = (hash / 12_000) % 499 * 2 + (male ? 1 : 2);
		String body = COUNTY_CODE + patient.get("birthDate").getAsString().replace("-", "") + String.format("%03d", sequence);
		JsonObject residentId = new JsonObject();
		residentId.addProperty("system", RESIDENT_ID);
		residentId.addProperty("value", body + checkCharacter(body));
		identifiers.add(residentId);
	}

	/** GB 11643's check character over the first 17 digits. */
	static char checkCharacter(String seventeenDigits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
		}
		return "10X98765432".charAt(sum % 11);
	}
}
