package org.onesheet.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SampledData;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.referral.TestReferrals;
import org.onesheet.support.ActiveSubscriptions;
import org.onesheet.support.AtOnce;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/**
 * 基层检查、上级诊断: a township records an ECG, the county ECG centre's worklist shows it (stat first), one
 * reader claims it, reports preliminary then final; the Task completes with its turnaround, the township is
 * notified, and the report is in the patient's shared record.
 */
public interface RemoteReadingContract {

	String CENTRE = "Organization/jmse-ecg-centre";
	String TOWNSHIP = TestReferrals.TOWNSHIP;
	String TOWNSHIP_GP = TestReferrals.TOWNSHIP_GP;

	FhirEndpoint endpoint();

	private String patient() {
		return endpoint().client().create().resource(TestPatients.withChineseText()).execute().getId()
				.toUnqualifiedVersionless().getValue();
	}

	/** A reader of the ECG centre of the test's own, so that tests never share a claimant. */
	private String reader() {
		PractitionerRole role = new PractitionerRole();
		role.setActive(true).setOrganization(new Reference(CENTRE)).addSpecialty().setText("心电诊断");
		return endpoint().client().create().resource(role).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** A 12-lead resting ECG as the township's machine exports it: one SampledData per lead, in mV. */
	private String ecg(String patient) {
		Observation ecg = new Observation();
		ecg.setStatus(Observation.ObservationStatus.FINAL);
		ecg.getCode().addCoding().setSystem(Systems.LOINC).setCode("11524-6").setDisplay("EKG study");
		ecg.getCode().setText("十二导联心电图");
		ecg.setSubject(new Reference(patient));
		ecg.addPerformer(new Reference(TOWNSHIP));
		ecg.setEffective(new DateTimeType(new Date()));
		for (String lead : List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")) {
			StringBuilder samples = new StringBuilder();
			for (int i = 0; i < 500; i++) {
				samples.append(i == 0 ? "" : " ").append(ThreadLocalRandom.current().nextInt(-200, 1200));
			}
			ecg.addComponent().setCode(new CodeableConcept().setText("导联 " + lead))
					.setValue(new SampledData().setOrigin(new Quantity().setValue(0).setUnit("uV").setSystem(Systems.UCUM)
							.setCode("uV")).setPeriod(2).setFactor(1).setDimensions(1).setData(samples.toString()));
		}
		return endpoint().client().create().resource(ecg).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private Task sendStudy(String patient, ServiceRequest.ServiceRequestPriority priority) {
		ServiceRequest study = new ServiceRequest();
		study.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		study.addCategory(new CodeableConcept(new Coding(Systems.SERVICE_CATEGORY, "remote-reading", "远程诊断")));
		study.getCode().addCoding().setSystem(Systems.LOINC).setCode("11524-6").setDisplay("EKG study");
		study.getCode().setText("十二导联心电图");
		study.setPriority(priority);
		study.setSubject(new Reference(patient));
		study.setRequester(new Reference(TOWNSHIP_GP));
		study.addPerformer(new Reference(CENTRE));
		study.addSupportingInfo(new Reference(ecg(patient)));
		study.addReasonCode().setText("胸闷两天 (chest tightness for two days)");
		return TestReferrals.send(endpoint(), study, TOWNSHIP, CENTRE);
	}

	private Task claim(Task task, String reader, String actingFor) {
		task.setStatus(TaskStatus.INPROGRESS).setOwner(new Reference(reader));
		endpoint().client().update().resource(task).withAdditionalHeader(FhirEndpoint.ACTING_FOR, actingFor).execute();
		return read(task);
	}

	private Task read(Task task) {
		return endpoint().client().read().resource(Task.class).withId(task.getIdElement().toUnqualifiedVersionless()).execute();
	}

	private String report(Task task, String reader, DiagnosticReportStatus status) {
		DiagnosticReport report = new DiagnosticReport();
		report.setStatus(status);
		report.addBasedOn(task.getFocus().copy());
		report.addCategory(new CodeableConcept(new Coding(Systems.DIAGNOSTIC_SERVICE_SECTION, "EC", "Electrocardiac")));
		report.getCode().addCoding().setSystem(Systems.LOINC).setCode("11524-6").setDisplay("EKG study");
		report.setSubject(task.getFor().copy());
		report.setEffective(new DateTimeType(new Date()));
		report.setIssued(new Date());
		report.addPerformer(new Reference(CENTRE));
		report.addResultsInterpreter(new Reference(reader));
		report.setConclusion(status == DiagnosticReportStatus.FINAL ? "窦性心律，ST-T改变，建议心内科就诊" : "窦性心律，待复核");
		return endpoint().client().create().resource(report).withAdditionalHeader(FhirEndpoint.ACTING_FOR, CENTRE)
				.execute().getId().toUnqualifiedVersionless().getValue();
	}

	private List<String> worklist() {
		Bundle page = endpoint().client().fetchResourceFromUrl(Bundle.class,
				endpoint().base() + "/Task?owner=" + CENTRE + "&status=requested&_count=500");
		return page.getEntry().stream().map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.toList();
	}

	@Test
	default void aPreliminaryReportUpdatedToFinalCompletesTheStudy() {
		Task claimed = claim(sendStudy(patient(), ServiceRequest.ServiceRequestPriority.ROUTINE), reader(), CENTRE);
		String preliminary = report(claimed, claimed.getOwner().getReference(), DiagnosticReportStatus.PRELIMINARY);
		DiagnosticReport report = endpoint().client().read().resource(DiagnosticReport.class).withId(preliminary).execute();
		report.setStatus(DiagnosticReportStatus.FINAL);
		report.setConclusion("窦性心律，正常心电图（复核后终审）");
		endpoint().client().update().resource(report).withAdditionalHeader(FhirEndpoint.ACTING_FOR, CENTRE).execute();
		Task done = read(claimed);
		assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(done.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("final-report");
	}

	@Test
	default void aStudyGoesFromTheWorklistThroughOneReaderToAFinalReportInTheSharedRecord() {
		String patient = patient();
		Task routine = sendStudy(patient, ServiceRequest.ServiceRequestPriority.ROUTINE);
		Task stat = sendStudy(patient, ServiceRequest.ServiceRequestPriority.STAT);
		assertThat(routine.getMeta().getProfile()).anySatisfy(profile ->
				assertThat(profile.getValue()).isEqualTo(Systems.PROFILE_REMOTE_READING_TASK));
		List<String> worklist = worklist();
		String routineId = routine.getIdElement().toUnqualifiedVersionless().getValue();
		String statId = stat.getIdElement().toUnqualifiedVersionless().getValue();
		assertThat(worklist).contains(routineId, statId);
		assertThat(worklist.indexOf(statId)).as("stat first").isLessThan(worklist.indexOf(routineId));

		String reader = reader();
		Task claimed = claim(routine, reader, CENTRE);
		assertThat(claimed.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
		assertThat(claimed.getOwner().getReference()).isEqualTo(reader);
		assertThat(worklist()).doesNotContain(routineId);

		String preliminary = report(claimed, reader, DiagnosticReportStatus.PRELIMINARY);
		Task afterPreliminary = read(routine);
		assertThat(afterPreliminary.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
		assertThat(afterPreliminary.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("preliminary-report");
		assertThat(afterPreliminary.getOutput()).anySatisfy(output ->
				assertThat(((Reference) output.getValue()).getReference()).isEqualTo(preliminary));

		String fin = report(afterPreliminary, reader, DiagnosticReportStatus.FINAL);
		Task done = read(routine);
		assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(done.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("final-report");
		Extension turnaround = done.getExtensionByUrl(Systems.EXT_READING_TURNAROUND);
		assertThat(turnaround).as("turnaround recorded").isNotNull();
		assertThat(((Quantity) turnaround.getValue()).getValue().longValue()).isBetween(0L, 10L);
		assertThat(done.getExecutionPeriod().hasEnd()).isTrue();
		ServiceRequest study = endpoint().client().read().resource(ServiceRequest.class)
				.withId(done.getFocus().getReferenceElement()).execute();
		assertThat(study.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);

		Bundle record = endpoint().client().fetchResourceFromUrl(Bundle.class,
				endpoint().base() + "/" + patient + "/$everything?_count=100");
		assertThat(record.getEntry()).extracting(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.contains(fin, preliminary, study.getSupportingInfoFirstRep().getReference());
	}

	@Test
	default void twoReadersClaimingOneStudyAtOnceEndWithOneOwner() throws Exception {
		for (int round = 0; round < 5; round++) {
			Task study = sendStudy(patient(), ServiceRequest.ServiceRequestPriority.ROUTINE);
			List<String> readers = List.of(reader(), reader());
			List<Callable<Integer>> claims = new ArrayList<>();
			for (String reader : readers) {
				Task mine = study.copy();
				claims.add(() -> {
					try {
						claim(mine, reader, CENTRE);
						return 200;
					} catch (BaseServerResponseException refused) {
						return refused.getStatusCode();
					}
				});
			}
			List<Integer> outcomes = AtOnce.run(claims, Duration.ofSeconds(60));
			assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(200, 409);
			String winner = readers.get(outcomes.indexOf(200));
			Task stored = read(study);
			assertThat(stored.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
			assertThat(stored.getOwner().getReference()).isEqualTo(winner);
		}
	}

	@Test
	default void theWorklistRulesRefuseWhatNoReadingCentreWouldDo() {
		Task study = sendStudy(patient(), ServiceRequest.ServiceRequestPriority.ROUTINE);
		String reader = reader();
		assertThatThrownBy(() -> report(study, reader, DiagnosticReportStatus.FINAL)).as("report before claiming")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
		assertThatThrownBy(() -> claim(study.copy(), reader, TOWNSHIP)).as("a township cannot claim")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
		assertThatThrownBy(() -> claim(study.copy(), CENTRE, CENTRE)).as("claimed by a person, not the centre")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(422));

		Task claimed = claim(read(study), reader, CENTRE);
		assertThatThrownBy(() -> claim(read(study), reader(), CENTRE)).as("already claimed")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
					assertThat(e.getStatusCode()).isEqualTo(409);
					assertThat(e.getMessage()).contains(reader);
				});
		assertThatThrownBy(() -> report(claimed, reader(), DiagnosticReportStatus.FINAL)).as("another reader reports")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
		Task completing = read(study).setStatus(TaskStatus.COMPLETED);
		assertThatThrownBy(() -> endpoint().client().update().resource(completing)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, CENTRE).execute()).as("completed without a report")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
		Task declining = read(study).setStatus(TaskStatus.REJECTED);
		assertThatThrownBy(() -> endpoint().client().update().resource(declining)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, CENTRE).execute()).as("declined without a reason")
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(422));
		assertThat(read(study).getStatus()).as("nothing of the refusals was written").isEqualTo(TaskStatus.INPROGRESS);
		assertThat(read(study).getOwner().getReference()).isEqualTo(reader);
	}

	@Test
	default void theRequestingTownshipIsNotifiedWhenItsStudyIsRead() throws Exception {
		Organization township = new Organization();
		township.setName("吉木萨尔县测试镇卫生院").setActive(true).setPartOf(new Reference("Organization/jmse-group"));
		String townshipId = endpoint().client().create().resource(township).execute().getId().toUnqualifiedVersionless().getValue();
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		HttpServer emr = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		emr.createContext("/emr/fhir", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		emr.start();
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED).setReason("远程诊断结果 (readings of " + townshipId + ")");
		subscription.setCriteria("Task?requester=" + townshipId + "&status=completed");
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
				.setEndpoint("http://localhost:" + emr.getAddress().getPort() + "/emr/fhir").setPayload("application/fhir+json");
		IdType subscriptionId = (IdType) endpoint().client().create().resource(subscription).execute().getId().toUnqualifiedVersionless();
		try {
			ActiveSubscriptions.awaitActive(endpoint(), subscriptionId);
			String patient = patient();
			ServiceRequest study = new ServiceRequest();
			study.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
			study.addCategory(new CodeableConcept(new Coding(Systems.SERVICE_CATEGORY, "remote-reading", "远程诊断")));
			study.getCode().addCoding().setSystem(Systems.LOINC).setCode("11524-6");
			// the new centre asks in its own name (a clinic writes only as itself)
			study.setSubject(new Reference(patient)).setRequester(new Reference(townshipId)).addPerformer(new Reference(CENTRE));
			study.addSupportingInfo(new Reference(ecg(patient)));
			Task task = TestReferrals.send(endpoint(), study, townshipId, CENTRE);
			String reader = reader();
			report(claim(task, reader, CENTRE), reader, DiagnosticReportStatus.FINAL);

			String notified = received.poll(60, TimeUnit.SECONDS);
			assertThat(notified).as("the township's EMR hears of the reading").isNotNull()
					.contains(task.getIdElement().getIdPart()).contains("\"status\":\"completed\"");
		} finally {
			emr.stop(0);
			endpoint().client().delete().resourceById(subscriptionId).execute();
		}
	}

	@Test
	default void aStudyImageLargerThanAnyOtherRequestIsStoredAsAFileAndReadBackWhole() throws IOException {
		byte[] image = new byte[3 * 1024 * 1024]; // over the test's 1 MB request limit, under the binary limit
		ThreadLocalRandom.current().nextBytes(image);
		Response created = endpoint().http().contentType("image/jpeg").body(image).post("/fhir/Binary");
		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		String location = created.header("Location");
		String id = new IdType(location).getIdPart();

		byte[] read = endpoint().http().accept("image/jpeg").get("/fhir/Binary/" + id).then().statusCode(200)
				.extract().asByteArray();
		assertThat(Arrays.equals(read, image)).as("the same bytes back").isTrue();
		try (Stream<Path> files = Files.walk(Path.of(System.getProperty("onesheet.test.binaries", "target/test-binaries")))) {
			assertThat(files.filter(Files::isRegularFile).filter(file -> {
				try {
					return Files.size(file) == image.length;
				} catch (IOException e) {
					return false;
				}
			})).as("the image is a file in binary storage, not a blob in the database").isNotEmpty();
		}
	}
}
