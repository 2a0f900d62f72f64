package org.onesheet.group.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.ResidentId.Sex;
import org.onesheet.identity.SocialCreditCode;
import org.onesheet.identity.Systems;

/**
 * A second, small county group next door (奇台县医共体): a group, its county hospital, one township centre
 * and one village clinic, and a handful of residents with a result each. It is there so that the boundary
 * between groups can be seen: none of its clients sees a 吉木萨尔 patient, and no 吉木萨尔 client sees these.
 */
final class NeighbourGroup {

	/** Every id of this group's resources starts so. */
	static final String ID_PREFIX = "qtx-";
	static final String GROUP_ID = ID_PREFIX + "group";
	static final String COUNTY_HOSPITAL_ID = "qtx-county-hospital";
	static final String TOWNSHIP_ID = "qtx-tc-01";
	static final String VILLAGE_ID = "qtx-vc-01";
	static final int PATIENTS = 5;
	private static final String COUNTY_CODE = "652325";
	private static final String COUNTY = "奇台县";

	private NeighbourGroup() {
	}

	static String patientId(int index) {
		return String.format("qtx-pat-%06d", index);
	}

	static List<Resource> organizations() {
		return List.of(
				organization(GROUP_ID, "奇台县紧密型县域医共体", InstitutionLevel.GROUP, null, 1),
				organization(COUNTY_HOSPITAL_ID, "奇台县总医院", InstitutionLevel.COUNTY_HOSPITAL, GROUP_ID, 2),
				organization(TOWNSHIP_ID, "奇台县总医院老奇台镇分院", InstitutionLevel.TOWNSHIP_CENTRE, GROUP_ID, 3),
				organization(VILLAGE_ID, "老奇台镇半截沟村卫生室", InstitutionLevel.VILLAGE_CLINIC, TOWNSHIP_ID, 4));
	}

	static List<Resource> patients(LocalDate asOf) {
		Random random = new Random(652325L);
		List<Resource> resources = new ArrayList<>();
		for (int index = 1; index <= PATIENTS; index++) {
			Sex sex = index % 2 == 0 ? Sex.FEMALE : Sex.MALE;
			LocalDate birthDate = asOf.minusYears(40 + index * 5L).minusDays(index * 37L);
			ChineseNames.Name name = ChineseNames.next(random, sex);
			Patient patient = new Patient();
			patient.setId(patientId(index));
			patient.setActive(true);
			patient.addIdentifier().setSystem(Systems.RESIDENT_ID)
					.setValue(ResidentId.of(COUNTY_CODE, birthDate, 100 + index, sex).value())
					.setType(new CodeableConcept(new Coding(Systems.IDENTIFIER_TYPE, "NI", null)).setText("居民身份证号"));
			patient.addName().setText(name.text()).setFamily(name.family()).addGiven(name.given());
			patient.setGender(sex == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
			patient.setBirthDateElement(new DateType(birthDate.toString()));
			patient.addAddress(address("老奇台镇半截沟村" + index + "号"));
			patient.setManagingOrganization(new Reference("Organization/" + VILLAGE_ID));
			patient.setText(PatientRecords.narrative(name.text() + "，住老奇台镇半截沟村，签约半截沟村卫生室。"));
			resources.add(patient);
			resources.add(glucose(index, asOf.minusDays(index)));
		}
		return resources;
	}

	private static Observation glucose(int index, LocalDate day) {
		Observation observation = new Observation();
		observation.setId(String.format("qtx-obs-%06d", index));
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem(Systems.OBSERVATION_CATEGORY).setCode("laboratory")
				.setDisplay("Laboratory");
		observation.getCode().addCoding().setSystem(Systems.LOINC).setCode("1558-6")
				.setDisplay("Fasting glucose [Moles/volume] in Serum or Plasma");
		observation.getCode().setText("空腹血糖");
		observation.setSubject(new Reference("Patient/" + patientId(index)));
		observation.setEffective(new DateTimeType(PatientRecords.toDate(day, 8)));
		observation.addPerformer(new Reference("Organization/" + COUNTY_HOSPITAL_ID));
		observation.setValue(new Quantity().setValue(new BigDecimal("6.1").add(BigDecimal.valueOf(index, 1)))
				.setUnit("mmol/L").setSystem(Systems.UCUM).setCode("mmol/L"));
		return observation;
	}

	private static Organization organization(String id, String name, InstitutionLevel level, String partOf, int serial) {
		Organization organization = new Organization();
		organization.setId(id);
		organization.setActive(true);
		organization.setName(name);
		organization.setType(List.of(level.asConcept()));
		organization.addIdentifier().setSystem(Systems.SOCIAL_CREDIT_CODE).setValue(SocialCreditCode.withCheckCharacter(
				"12" + COUNTY_CODE + String.format("%09d", 458_000_000 + serial)));
		organization.addAddress(address(level == InstitutionLevel.VILLAGE_CLINIC ? "老奇台镇半截沟村" : "奇台镇"));
		if (partOf != null) {
			organization.setPartOf(new Reference("Organization/" + partOf));
		}
		return organization;
	}

	private static Address address(String line) {
		Address address = new Address();
		address.setText(CountyGeography.PROVINCE + CountyGeography.PREFECTURE + COUNTY + line);
		address.addLine(line);
		address.setState(CountyGeography.PROVINCE);
		address.setCity(CountyGeography.PREFECTURE);
		address.setDistrict(COUNTY);
		address.setCountry("CN");
		address.addExtension(Systems.EXT_ADDRESS_DIVISION, new Coding(Systems.ADMINISTRATIVE_DIVISION, COUNTY_CODE, COUNTY));
		return address;
	}
}
