package org.onesheet.group.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.group.demo.CountyGeography.Township;
import org.onesheet.identity.ResidentId.Sex;
import org.onesheet.identity.SocialCreditCode;
import org.onesheet.identity.Systems;

/**
 * The institutions and staff of the demo group: the 医共体 itself, 吉木萨尔县总医院 with its reading
 * centres and stroke centre, eight township branches (分院) and their village clinics, and the doctors
 * who work there, county doctors also holding a role at the township they are posted to (多点执业).
 */
final class DemoGroup {

	static final String ID_PREFIX = "jmse-";
	static final String GROUP_ID = ID_PREFIX + "group";
	static final String COUNTY_HOSPITAL_ID = ID_PREFIX + "county-hospital";
	static final String IMAGING_CENTRE_ID = ID_PREFIX + "imaging-centre";
	static final String ECG_CENTRE_ID = ID_PREFIX + "ecg-centre";
	static final String LAB_CENTRE_ID = ID_PREFIX + "lab-centre";
	static final String STROKE_CENTRE_ID = ID_PREFIX + "stroke-centre";

	/** The county hospital's specialties, one chief physician each (their roles are the first at the hospital). */
	static final List<String> COUNTY_SPECIALTIES = List.of("心血管内科", "内分泌科", "神经内科", "全科医学科", "康复医学科", "普外科");

	/** One member institution; {@code township} is null for the group and county level. */
	record Site(String id, String name, InstitutionLevel level, Township township, String village) {
		Reference reference() {
			return new Reference("Organization/" + id).setDisplay(name);
		}
	}

	private final Map<String, Site> sites = new LinkedHashMap<>();
	private final Map<String, List<String>> roleIdsBySite = new LinkedHashMap<>();
	private final List<Resource> staff = new ArrayList<>();
	private final List<Site> townshipCentres = new ArrayList<>();
	private final List<Site> villageClinics = new ArrayList<>();

	DemoGroup(Random random) {
		add(new Site(GROUP_ID, "吉木萨尔县紧密型县域医共体", InstitutionLevel.GROUP, null, null));
		add(new Site(COUNTY_HOSPITAL_ID, "吉木萨尔县总医院", InstitutionLevel.COUNTY_HOSPITAL, null, null));
		add(new Site(IMAGING_CENTRE_ID, "吉木萨尔县总医院远程影像诊断中心", InstitutionLevel.DEPARTMENT, null, null));
		add(new Site(ECG_CENTRE_ID, "吉木萨尔县总医院远程心电诊断中心", InstitutionLevel.DEPARTMENT, null, null));
		add(new Site(LAB_CENTRE_ID, "吉木萨尔县总医院检验中心", InstitutionLevel.DEPARTMENT, null, null));
		add(new Site(STROKE_CENTRE_ID, "吉木萨尔县总医院卒中中心", InstitutionLevel.DEPARTMENT, null, null));
		for (Township township : CountyGeography.TOWNSHIPS) {
			Site centre = new Site(townshipCentreId(township), "吉木萨尔县总医院" + township.name() + "分院",
					InstitutionLevel.TOWNSHIP_CENTRE, township, null);
			add(centre);
			townshipCentres.add(centre);
			for (int v = 0; v < township.villages().size(); v++) {
				String village = township.villages().get(v);
				Site clinic = new Site(ID_PREFIX + "vc-" + township.code() + "-" + (v + 1),
						township.name() + village + "卫生室", InstitutionLevel.VILLAGE_CLINIC, township, village);
				add(clinic);
				villageClinics.add(clinic);
			}
		}
		hireStaff(random);
	}

	static String townshipCentreId(Township township) {
		return ID_PREFIX + "tc-" + township.code();
	}

	List<Site> townshipCentres() {
		return townshipCentres;
	}

	List<Site> villageClinics() {
		return villageClinics;
	}

	Site site(String id) {
		return sites.get(id);
	}

	/** A PractitionerRole id of someone working at the site. */
	String roleAt(String siteId, Random random) {
		return ChineseNames.pick(random, roleIdsBySite.get(siteId));
	}

	/** The PractitionerRole ids at a site, in the order the staff were hired. */
	List<String> rolesAt(String siteId) {
		return roleIdsBySite.get(siteId);
	}

	List<Resource> organizations() {
		List<Resource> organizations = new ArrayList<>();
		int serial = 1;
		for (Site site : sites.values()) {
			organizations.add(organization(site, serial++));
		}
		organizations.add(prefectureHospital());
		return organizations;
	}

	List<Resource> staff() {
		return staff;
	}

	/** Where residents go outside the county (县外就诊): the prefecture hospital, not a member of the group. */
	static final String PREFECTURE_HOSPITAL_ID = "cj-prefecture-hospital";

	private static Organization prefectureHospital() {
		Organization hospital = new Organization();
		hospital.setId(PREFECTURE_HOSPITAL_ID);
		hospital.setActive(true);
		hospital.setName("昌吉回族自治州人民医院");
		hospital.addAlias("州医院 (prefecture hospital, outside the county group)");
		hospital.addAddress(CountyGeography.address("昌吉市"));
		return hospital;
	}

	private void add(Site site) {
		sites.put(site.id(), site);
		roleIdsBySite.put(site.id(), new ArrayList<>());
	}

	private Organization organization(Site site, int serial) {
		Organization organization = new Organization();
		organization.setId(site.id());
		organization.setActive(true);
		organization.setName(site.name());
		organization.setType(List.of(site.level().asConcept()));
		// 12 = public institution (事业单位), then the division code, then a serial.
		String credit = SocialCreditCode.withCheckCharacter(
				"12" + CountyGeography.COUNTY_CODE + String.format("%09d", 457_000_000 + serial));
		organization.addIdentifier().setSystem(Systems.SOCIAL_CREDIT_CODE).setValue(credit);
		organization.addAddress(siteAddress(site));
		organization.addTelecom().setSystem(ContactPointSystem.PHONE)
				.setValue(String.format("0994-%07d", 6_920_000 + serial));
		switch (site.level()) {
			case GROUP -> organization.addAlias("吉木萨尔县医共体");
			case COUNTY_HOSPITAL, TOWNSHIP_CENTRE -> organization.setPartOf(site(GROUP_ID).reference());
			case DEPARTMENT -> organization.setPartOf(site(COUNTY_HOSPITAL_ID).reference());
			case VILLAGE_CLINIC -> organization.setPartOf(site(townshipCentreId(site.township())).reference());
			default -> throw new IllegalStateException("no demo site at level " + site.level());
		}
		if (site.level() == InstitutionLevel.TOWNSHIP_CENTRE) {
			organization.addAlias(site.township().name() + "卫生院");
		}
		return organization;
	}

	private static Address siteAddress(Site site) {
		String place = site.township() == null
				? CountyGeography.COUNTY_SEAT
				: site.township().name() + (site.village() == null ? "" : site.village());
		return CountyGeography.address(place);
	}

	private void hireStaff(Random random) {
		int[] serial = {0};
		// The county hospital: specialists, the readers of the reading centres, stroke doctors.
		for (String specialty : COUNTY_SPECIALTIES) {
			String practitioner = hire(random, serial, "主任医师", specialty, COUNTY_HOSPITAL_ID);
			if (serial[0] % 2 == 0) {
				// 下沉医生: a county specialist who also holds sessions at a township branch.
				Site township = townshipCentres.get(serial[0] % townshipCentres.size());
				addRole(practitioner, serial[0], "b", township.id(), "下沉专家门诊 · " + specialty);
			}
		}
		hire(random, serial, "副主任医师", "医学影像科", IMAGING_CENTRE_ID);
		hire(random, serial, "主治医师", "心电诊断", ECG_CENTRE_ID);
		hire(random, serial, "主管技师", "医学检验", LAB_CENTRE_ID);
		hire(random, serial, "主任医师", "神经内科 · 卒中", STROKE_CENTRE_ID);
		for (Site centre : townshipCentres) {
			hire(random, serial, "主治医师", "全科医学科", centre.id());
			hire(random, serial, "执业医师", "公共卫生", centre.id());
		}
		for (Site clinic : villageClinics) {
			hire(random, serial, "乡村医生", "乡村全科", clinic.id());
		}
	}

	private String hire(Random random, int[] serial, String title, String specialty, String siteId) {
		serial[0]++;
		String practitionerId = ID_PREFIX + "dr-" + String.format("%03d", serial[0]);
		Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
		ChineseNames.Name name = ChineseNames.next(random, sex);
		Practitioner practitioner = new Practitioner();
		practitioner.setId(practitionerId);
		practitioner.setActive(true);
		practitioner.addIdentifier().setSystem(Systems.PRACTITIONER_LICENCE)
				.setValue(String.format("1106523270%05d", serial[0]));
		practitioner.addName().setText(name.text()).setFamily(name.family()).addGiven(name.given())
				.addPrefix(title);
		practitioner.setGender(sex == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
		staff.add(practitioner);
		addRole(practitionerId, serial[0], "a", siteId, specialty);
		return practitionerId;
	}

	private void addRole(String practitionerId, int serial, String suffix, String siteId, String specialty) {
		PractitionerRole role = new PractitionerRole();
		String roleId = ID_PREFIX + "role-" + String.format("%03d", serial) + suffix;
		role.setId(roleId);
		role.setActive(true);
		role.setPractitioner(new Reference("Practitioner/" + practitionerId));
		role.setOrganization(site(siteId).reference());
		role.addCode().addCoding().setSystem(Systems.PRACTITIONER_ROLE).setCode("doctor").setDisplay("Doctor");
		role.addSpecialty().setText(specialty);
		staff.add(role);
		roleIdsBySite.get(siteId).add(roleId);
	}
}
