package org.onesheet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.Systems;
import org.onesheet.support.AccessTokens;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;

/**
 * A small county group of its own, with a month (March 2025) of visits, referrals, contracts, grades and read
 * studies whose measures are counted by hand in {@link MetricsContract}; and a few records just outside the
 * month, or cancelled, that must not count. Every date is Asia/Shanghai.
 */
final class MetricsFixture {

	final String group;
	final String county;
	final String department;
	final String township;
	final String village1;
	final String village2;
	final String outside;
	private IGenericClient client;
	/** The server, reached by the fixture group's administrator: the reports are that group's. */
	final FhirEndpoint endpoint;
	private static final Map<Integer, MetricsFixture> WRITTEN = new ConcurrentHashMap<>();

	/** The fixture on this server, written by the first test that asks. */
	static MetricsFixture of(FhirEndpoint endpoint) {
		return WRITTEN.computeIfAbsent(endpoint.port(), port -> {
			try {
				return new MetricsFixture(endpoint);
			} catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		});
	}

	private MetricsFixture(FhirEndpoint endpoint) throws InterruptedException {
		client = endpoint.client();
		group = org("测试医共体 (metrics fixture group)", InstitutionLevel.GROUP, null);
		county = org("测试县总医院", InstitutionLevel.COUNTY_HOSPITAL, group);
		department = org("测试县总医院心电诊断中心", InstitutionLevel.DEPARTMENT, county);
		// An urban community centre stands where a township centre would: primary level, without adding a ninth
		// township branch to the demo's list that other tests count.
		township = org("测试社区卫生服务中心", InstitutionLevel.COMMUNITY_CENTRE, group);
		village1 = org("测试一站卫生室", InstitutionLevel.VILLAGE_CLINIC, township);
		village2 = org("测试二站卫生室", InstitutionLevel.VILLAGE_CLINIC, township);
		outside = org("外县医院 (outside the group)", null, null);
		// the fixture's own group writes its records, through its administrator's client (the group
		// organisation's id is its demo client id); the demo group's administrator may not write for another group
		client = endpoint.as(group).client();
		this.endpoint = endpoint.as(group);

		String p1 = patient("测一", village1, LocalDate.of(1950, 6, 1));
		String p2 = patient("测二", village1, LocalDate.of(1990, 1, 1));
		String p3 = patient("测三", village2, LocalDate.of(1955, 1, 1));
		String p4 = patient("测四", village2, LocalDate.of(1980, 5, 5));
		String p5 = patient("测五", township, LocalDate.of(1970, 7, 7));
		// p4 registered again at the township centre (same resident ID: MDM links both to one person), and a
		// registration made by mistake and deleted: neither is one more resident
		String p4Again = patient(read(p4));
		String deleted = patient("测六", village1, LocalDate.of(1960, 2, 2));
		for (String patient : List.of(p1, p2, p3, p4, p5, p4Again, deleted)) {
			awaitGolden(this.endpoint, patient);
		}
		deleteAsAdministrator(deleted);

		// visits: 8 of residents in March, 6 of them at members, 4 of those at primary level
		visit(p1, village1, "2025-03-05T09:00", false);
		visit(p1, county, "2025-03-10T09:00", false);
		visit(p1, outside, "2025-03-12T09:00", false);
		visit(p1, village1, "2025-02-20T09:00", false);      // February
		visit(p1, village1, "2025-04-01T00:30", false);      // April in China, still March 31 in UTC
		visit(p2, village1, "2025-03-31T23:30", false);      // the last half hour of March
		visit(p2, township, "2025-03-15T09:00", true);       // cancelled
		visit(p3, township, "2025-03-03T09:00", false);
		visit(p3, department, "2025-03-20T09:00", false);
		visit(p4, outside, "2025-03-25T09:00", false);
		visit(p5, township, "2025-03-08T09:00", false);

		// referrals: 3 up in March (2 from village 1, 1 from the township), 1 down from the county hospital
		referral(p1, "up", village1, county, "2025-03-02T09:00", TaskStatus.ACCEPTED, Duration.ofHours(5));
		referral(p2, "up", village1, county, "2025-03-18T09:00", TaskStatus.REQUESTED, null);
		referral(p5, "up", township, county, "2025-03-09T09:00", TaskStatus.ACCEPTED, Duration.ofHours(20));
		referral(p3, "up", village2, county, "2025-02-27T09:00", TaskStatus.ACCEPTED, Duration.ofHours(1)); // Feb: accepted Feb
		referral(p4, "up", village2, county, "2025-03-22T09:00", TaskStatus.CANCELLED, null);
		referral(p1, "down", county, township, "2025-03-11T09:00", TaskStatus.ACCEPTED, Duration.ofHours(2));
		referral(p3, "down", department, township, "2025-03-21T09:00", TaskStatus.DRAFT, null);
		referral(p3, "down", county, township, "2025-04-02T09:00", TaskStatus.REQUESTED, null);

		// contracts in force on 31 March: p1 and p3 (p4's ended on 15 March)
		contract(p1, "2025-02-01", "2026-01-31");
		contract(p3, "2024-06-01", "2025-05-31");
		contract(p4, "2024-03-16", "2025-03-15");
		pregnancy(p2);
		chronicPlan(p1, "hypertension");
		chronicPlan(p5, "diabetes");

		// grades in force at the end of March: p1 green, p3 green, p5 red (yellow until 20 March); p2 red only from April
		grade(p1, "hypertension", "green", "2025-01-01T09:00", null);
		grade(p5, "diabetes", "yellow", "2025-02-01T09:00", "2025-03-20T09:00");
		grade(p5, "diabetes", "red", "2025-03-20T09:00", null);
		grade(p2, "hypertension", "red", "2025-04-05T09:00", null);
		grade(p3, "hypertension", "green", "2024-12-01T09:00", "2025-06-01T09:00");

		// remote readings requested by the township in March: 30, 60, 90, 120 minutes; one in April
		reading(township, "2025-03-04T09:00", 30);
		reading(township, "2025-03-14T09:00", 120);
		reading(township, "2025-03-24T09:00", 60);
		reading(village2, "2025-03-28T09:00", 90);
		reading(township, "2025-04-03T09:00", 10);
	}

	private String org(String name, InstitutionLevel level, String partOf) {
		Organization org = new Organization();
		org.setName(name).setActive(true);
		if (level != null) {
			org.addType(level.asConcept());
		}
		if (partOf != null) {
			org.setPartOf(new Reference(partOf));
		}
		return create(org);
	}

	private String patient(String name, String home, LocalDate born) {
		ResidentId id = ResidentId.of("652301", born, ThreadLocalRandom.current().nextInt(500), ResidentId.Sex.FEMALE);
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(Systems.RESIDENT_ID).setValue(id.value());
		patient.addName().setText(name).setFamily(name.substring(0, 1)).addGiven(name.substring(1));
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new DateType(born.toString()));
		patient.setManagingOrganization(new Reference(home));
		return create(patient);
	}

	/** The same resident registered again at the township centre. */
	private String patient(Patient registered) {
		Patient again = registered.copy();
		again.setId((String) null);
		again.setMeta(null);
		again.setManagingOrganization(new Reference(township));
		return create(again);
	}

	/** Deleting is for the group's administrator, whose client asks for the {@code d} scope a clinic's lacks. */
	private void deleteAsAdministrator(String resource) {
		String token = AccessTokens.request(endpoint.port(), group.substring(group.indexOf('/') + 1),
				AccessTokens.DEMO_SECRET, "system/*.cruds").then().statusCode(200).extract().path("access_token");
		endpoint.anonymous().header("Authorization", "Bearer " + token).delete("/fhir/" + resource)
				.then().statusCode(200);
	}

	private Patient read(String patient) {
		return client.read().resource(Patient.class).withId(new IdType(patient)).execute();
	}

	private void visit(String patient, String provider, String start, boolean cancelled) {
		Encounter encounter = new Encounter();
		encounter.setStatus(cancelled ? Encounter.EncounterStatus.CANCELLED : Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding(Systems.ACT_CODE, "AMB", "ambulatory"));
		encounter.setSubject(new Reference(patient));
		encounter.setServiceProvider(new Reference(provider));
		encounter.getPeriod().setStart(china(start)).setEnd(new Date(china(start).getTime() + 1_200_000));
		create(encounter);
	}

	private void referral(String patient, String direction, String from, String to, String authored, TaskStatus status,
			Duration acceptedAfter) {
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(new CodeableConcept(new Coding(Systems.SNOMED_CT, "3457005", "Patient referral")));
		request.addExtension(Systems.EXT_REFERRAL_DIRECTION, new Coding(Systems.REFERRAL_DIRECTION, direction, null));
		request.addExtension(Systems.EXT_GREEN_CHANNEL, new BooleanType(false));
		request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(new Reference(patient));
		request.setAuthoredOn(china(authored));
		request.setRequester(new Reference(role(from)));
		request.addPerformer(new Reference(to));
		request.addReasonCode().setText("指标测试 (metrics fixture)");
		String focus = create(request);
		Task task = new Task();
		task.setStatus(status);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(Systems.TASK_CODE, "fulfill", null)));
		task.setFocus(new Reference(focus));
		task.setFor(new Reference(patient));
		task.setRequester(new Reference(from));
		task.setOwner(new Reference(to));
		task.setAuthoredOn(china(authored));
		task.setLastModified(new Date(china(authored).getTime() + Duration.ofDays(1).toMillis()));
		if (acceptedAfter != null) {
			task.getExecutionPeriod().setStart(new Date(china(authored).getTime() + acceptedAfter.toMillis()));
		}
		create(task);
	}

	private String role(String organisation) {
		org.hl7.fhir.r4.model.PractitionerRole role = new org.hl7.fhir.r4.model.PractitionerRole();
		role.setActive(true).setOrganization(new Reference(organisation));
		return create(role);
	}

	private void contract(String patient, String start, String end) {
		EpisodeOfCare contract = new EpisodeOfCare();
		contract.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
		contract.addType(new CodeableConcept(new Coding(Systems.CONTRACT_TYPE, "family-doctor", "家庭医生签约服务")));
		contract.setPatient(new Reference(patient));
		contract.setManagingOrganization(new Reference(township));
		contract.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(start))
				.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(end));
		create(contract);
	}

	private void pregnancy(String patient) {
		org.hl7.fhir.r4.model.Condition pregnancy = new org.hl7.fhir.r4.model.Condition();
		pregnancy.setClinicalStatus(new CodeableConcept(new Coding(Systems.CONDITION_CLINICAL, "active", null)));
		pregnancy.setCode(new CodeableConcept(new Coding(Systems.ICD_10, "Z33", "Pregnant state")));
		pregnancy.setSubject(new Reference(patient));
		create(pregnancy);
	}

	private void chronicPlan(String patient, String programme) {
		CarePlan plan = new CarePlan();
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory(new CodeableConcept(new Coding(Systems.CHRONIC_PROGRAMME, programme, null)));
		plan.setSubject(new Reference(patient));
		plan.setAuthor(new Reference(township));
		create(plan);
	}

	private void grade(String patient, String programme, String grade, String start, String end) {
		Flag flag = new Flag();
		flag.setStatus(end == null ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
		flag.addCategory(new CodeableConcept(new Coding(Systems.FLAG_CATEGORY, "chronic-grade", null)));
		flag.setCode(new CodeableConcept(new Coding(Systems.CHRONIC_GRADE, grade, null))
				.addCoding(new Coding(Systems.CHRONIC_PROGRAMME, programme, null)));
		flag.setSubject(new Reference(patient));
		flag.getPeriod().setStart(china(start));
		if (end != null) {
			flag.getPeriod().setEnd(china(end));
		}
		create(flag);
	}

	private void reading(String requester, String authored, int minutes) {
		Task task = new Task();
		task.setStatus(TaskStatus.COMPLETED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setRequester(new Reference(requester));
		task.setOwner(new Reference(department));
		task.setAuthoredOn(china(authored));
		task.addExtension(Systems.EXT_READING_TURNAROUND, new Quantity().setValue(BigDecimal.valueOf(minutes))
				.setUnit("min").setSystem(Systems.UCUM).setCode("min"));
		create(task);
	}

	private String create(Resource resource) {
		return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private static Date china(String localDateTime) {
		return Date.from(OffsetDateTime.parse(localDateTime + ":00+08:00").toInstant());
	}

	/** MDM links every registration to a golden record after the write; the person count needs the links. */
	private static void awaitGolden(FhirEndpoint endpoint, String patient) {
		Eventually.that(patient + " linked by MDM").until(() -> endpoint.client().operation()
				.onServer().named("$mdm-query-links").withParameter(Parameters.class, "resourceId", new StringType(patient))
				.useHttpGet().execute().getParameter().stream().anyMatch(parameter -> "link".equals(parameter.getName())));
	}
}
