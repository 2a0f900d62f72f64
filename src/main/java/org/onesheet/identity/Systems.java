package org.onesheet.identity;

/**
 * Every identifier system, code system, extension and profile URI OneSheet uses, in one place.
 * Nothing else in the code base spells a system URI.
 */
public final class Systems {

	/** The canonical base of the OneSheet Implementation Guide. */
	public static final String CANONICAL_BASE = "http://onesheet.org/fhir";

	// --- National identifier systems (the OIDs of China's 互联互通 CDA templates) ---

	/** 居民身份证号: 18-character resident identity number, GB 11643. */
	public static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";

	/** 医保卡号: medical insurance card number. */
	public static final String INSURANCE_CARD = "urn:oid:2.16.156.10011.1.15";

	/** 统一社会信用代码: unified social credit code of an institution, GB 32100. */
	public static final String SOCIAL_CREDIT_CODE = CANONICAL_BASE + "/sid/unified-social-credit-code";

	/** 医疗机构执业许可证登记号: licence number of an institution without a credit code of its own. */
	public static final String INSTITUTION_LICENCE = CANONICAL_BASE + "/sid/institution-licence";
	/** 医师执业证书编码: practitioner licence number. */
	public static final String PRACTITIONER_LICENCE = CANONICAL_BASE + "/sid/practitioner-licence";

	/** Prefix of the per-clinic local record number systems (门诊号 / 住院号 / 健康档案号). */
	private static final String LOCAL_RECORD_PREFIX = CANONICAL_BASE + "/sid/local-record/";

	// --- Code systems ---

	/** GB/T 2260 administrative division codes (行政区划代码). */
	public static final String ADMINISTRATIVE_DIVISION = CANONICAL_BASE + "/CodeSystem/gb-t-2260";

	/**
	 * The county group a record belongs to, as a meta tag the server sets (code: the group Organization's id).
	 * A client sees group-scoped resources only of its own group.
	 */
	public static final String COUNTY_GROUP = CANONICAL_BASE + "/CodeSystem/county-group";

	/** Institution levels within a county group (医共体机构层级). */
	public static final String INSTITUTION_LEVEL = CANONICAL_BASE + "/CodeSystem/institution-level";

	/** Business status of a referral Task, modelled on HL7 BSeR (已发起, 已接收, 已拒绝 ...). */
	public static final String REFERRAL_STATUS = CANONICAL_BASE + "/CodeSystem/referral-status";
	/** What a referral Task's output carries: the appointment, or the feedback (回执). */
	public static final String REFERRAL_OUTPUT_TYPE = CANONICAL_BASE + "/CodeSystem/referral-output-type";
	/** Flags the server puts on referral Tasks as tags: {@code overdue} (超时未接收). */
	public static final String REFERRAL_FLAG = CANONICAL_BASE + "/CodeSystem/referral-flag";
	/** The group-wide referral number (转诊单号) the server gives every referral Task it receives. */
	public static final String REFERRAL_NUMBER = CANONICAL_BASE + "/sid/referral-number";
	/** Referral direction: up (上转) or down (下转). */
	public static final String REFERRAL_DIRECTION = CANONICAL_BASE + "/CodeSystem/referral-direction";

	/** What the green channel reserves: expert outpatient numbers (预留专家号) or beds (预留床位). */
	public static final String GREEN_CHANNEL_RESERVATION = CANONICAL_BASE + "/CodeSystem/green-channel-reservation";
	/** Kinds of List the server reads; {@code formulary} (药品目录) is what an organisation stocks. */
	/** Service categories besides referral: {@code remote-reading} (远程诊断). */
	public static final String SERVICE_CATEGORY = CANONICAL_BASE + "/CodeSystem/service-category";
	/** Business status of a remote reading: preliminary-report, final-report. */
	public static final String READING_STATUS = CANONICAL_BASE + "/CodeSystem/reading-status";
	public static final String LIST_TYPE = CANONICAL_BASE + "/CodeSystem/list-type";
	/** Identifies a formulary List by the id of the organisation that stocks it. */
	public static final String FORMULARY = CANONICAL_BASE + "/sid/formulary";

	/** The 2+3 chronic programmes (两病三病): hypertension, diabetes, hepatitis, severe-mental-disorder, tuberculosis. */
	public static final String CHRONIC_PROGRAMME = CANONICAL_BASE + "/CodeSystem/chronic-programme";
	/** Tri-colour grade of a chronic plan (三色分级): green, yellow, red. */
	public static final String CHRONIC_GRADE = CANONICAL_BASE + "/CodeSystem/chronic-grade";
	/** The level of the group that manages a chronic plan: village, township, county. */
	public static final String MANAGING_LEVEL = CANONICAL_BASE + "/CodeSystem/managing-level";
	/** Flag categories of OneSheet: {@code chronic-grade} (慢病分级标识). */
	public static final String FLAG_CATEGORY = CANONICAL_BASE + "/CodeSystem/flag-category";
	/** Family doctor team roles: county-specialist, township-gp, village-doctor. */
	public static final String FAMILY_DOCTOR_TEAM_ROLE = CANONICAL_BASE + "/CodeSystem/family-doctor-team-role";
	/** Kinds of contract (EpisodeOfCare.type): {@code family-doctor}. */
	public static final String CONTRACT_TYPE = CANONICAL_BASE + "/CodeSystem/contract-type";
	/** Key populations of family doctor contracts (重点人群): elderly, pregnant, chronic. */
	public static final String KEY_POPULATION = CANONICAL_BASE + "/CodeSystem/key-population";

	public static final String ATC = "http://www.whocc.no/atc";
	public static final String LOCATION_PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
	public static final String LOINC = "http://loinc.org";
	public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
	public static final String SNOMED_CT = "http://snomed.info/sct";
	public static final String UCUM = "http://unitsofmeasure.org";
	public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
	public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
	public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
	public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	public static final String DIAGNOSTIC_SERVICE_SECTION = "http://terminology.hl7.org/CodeSystem/v2-0074";
	public static final String PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";
	public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
	public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
	public static final String TASK_STATUS = "http://hl7.org/fhir/task-status";

	// --- Extensions ---

	/** Address extension carrying the GB/T 2260 division code of the county (区县代码). */
	public static final String EXT_ADDRESS_DIVISION = CANONICAL_BASE + "/StructureDefinition/address-division";

	/** ServiceRequest extension: the referral direction (上转 / 下转). */
	public static final String EXT_REFERRAL_DIRECTION = CANONICAL_BASE + "/StructureDefinition/referral-direction";

	/** ServiceRequest extension: a green-channel referral (绿色通道). */
	public static final String EXT_GREEN_CHANNEL = CANONICAL_BASE + "/StructureDefinition/green-channel";

	/** Task extension: minutes from a remote-reading request to its final report (出报告时长). */
	public static final String EXT_READING_TURNAROUND = CANONICAL_BASE + "/StructureDefinition/reading-turnaround";

	/** CarePlan extensions of a chronic plan: the 2+3 diagnosis, the grade, the managing level. */
	public static final String EXT_CHRONIC_DISEASE = CANONICAL_BASE + "/StructureDefinition/chronic-disease";
	public static final String EXT_CHRONIC_GRADE = CANONICAL_BASE + "/StructureDefinition/chronic-grade";
	public static final String EXT_MANAGING_LEVEL = CANONICAL_BASE + "/StructureDefinition/managing-level";
	/** CarePlan and Flag extension: why the plan has its grade (which reading, which rule). */
	public static final String EXT_GRADE_REASON = CANONICAL_BASE + "/StructureDefinition/grade-reason";
	/** CarePlan extension: when the next follow-up is due (下次随访日期). */
	public static final String EXT_NEXT_FOLLOW_UP = CANONICAL_BASE + "/StructureDefinition/next-follow-up";
	/** R4 core extension pointing a Flag at the resource it is about (here: the chronic plan). */
	public static final String EXT_FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";

	// --- Profiles of the OneSheet IG (ig/input/fsh) ---

	public static final String PROFILE_PATIENT = CANONICAL_BASE + "/StructureDefinition/onesheet-patient";
	public static final String PROFILE_REFERRAL_SERVICE_REQUEST =
			CANONICAL_BASE + "/StructureDefinition/referral-service-request";
	public static final String PROFILE_REFERRAL_TASK = CANONICAL_BASE + "/StructureDefinition/referral-task";
	public static final String PROFILE_GREEN_CHANNEL_SCHEDULE = CANONICAL_BASE + "/StructureDefinition/green-channel-schedule";
	public static final String PROFILE_FORMULARY = CANONICAL_BASE + "/StructureDefinition/formulary";
	public static final String PROFILE_REMOTE_READING_SERVICE_REQUEST =
			CANONICAL_BASE + "/StructureDefinition/remote-reading-service-request";
	public static final String PROFILE_REMOTE_READING_TASK = CANONICAL_BASE + "/StructureDefinition/remote-reading-task";
	public static final String PROFILE_REMOTE_READING_REPORT = CANONICAL_BASE + "/StructureDefinition/remote-reading-report";
	public static final String PROFILE_CHRONIC_CARE_PLAN = CANONICAL_BASE + "/StructureDefinition/chronic-care-plan";
	public static final String PROFILE_FAMILY_DOCTOR_CONTRACT = CANONICAL_BASE + "/StructureDefinition/family-doctor-contract";
	public static final String PROFILE_FAMILY_DOCTOR_TEAM = CANONICAL_BASE + "/StructureDefinition/family-doctor-team";
	/** Every profile of the IG starts with this. */
	public static final String PROFILE_PREFIX = CANONICAL_BASE + "/StructureDefinition/";

	private Systems() {
	}

	/** The local record number system of one clinic, keyed by the clinic's Organization id. */
	public static String localRecordSystem(String organizationId) {
		return LOCAL_RECORD_PREFIX + organizationId;
	}
}
