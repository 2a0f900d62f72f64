package org.onesheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.gclient.ICriterion;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.referral.TestReferrals;
import org.onesheet.support.AccessTokens;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/**
 * Who may see and do what: tokens (SMART backend services), scopes, the county-group boundary, writing as
 * oneself, and the audit trail of every access.
 */
public interface SecurityContract {

	FhirEndpoint endpoint();

	/** The running server's audit outbox and its drain: what no single HTTP request shows, several nodes draining at once. */
	AuditQueue auditQueue();

	AuditQueueDrain auditQueueDrain();

	String COUNTY = "Organization/jmse-county-hospital";
	String TOWNSHIP = "Organization/jmse-tc-01";
	String VILLAGE = "Organization/jmse-vc-01-1";
	String NEIGHBOUR_COUNTY = "Organization/qtx-county-hospital";
	String PATIENT = "Patient/jmse-pat-000007";

	@Test
	default void noTokenIs401WithAnOperationOutcome() {
		Response response = endpoint().anonymous().get("/fhir/Patient?_count=1");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
		assertThat(response.jsonPath().getString("issue[0].diagnostics")).contains("access token").contains("令牌");
	}

	@Test
	default void theCapabilityStatementAndSmartConfigurationArePublic() {
		assertThat(endpoint().anonymous().get("/fhir/metadata").statusCode()).isEqualTo(200);
		for (String path : List.of("/fhir/.well-known/smart-configuration", "/.well-known/smart-configuration")) {
			Response smart = endpoint().anonymous().get(path);
			assertThat(smart.statusCode()).as(path).isEqualTo(200);
			assertThat(smart.jsonPath().getString("token_endpoint")).endsWith("/oauth2/token");
			assertThat(smart.jsonPath().getList("token_endpoint_auth_methods_supported")).contains("private_key_jwt");
			assertThat(smart.jsonPath().getList("capabilities")).contains("client-confidential-asymmetric", "permission-v2");
		}
	}

	@Test
	default void theDashboardAndSwaggerUiCarrySecurityHeaders() {
		for (String path : List.of("/dashboard/", "/fhir/swagger-ui/")) {
			Response page = endpoint().anonymous().get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.header("Content-Security-Policy")).as(path).contains("default-src 'self'", "frame-ancestors 'none'");
			assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
	}

	@Test
	default void anExpiredOrWronglySignedTokenIs401() {
		String expired = TestKeys.accessToken("jmse-tc-01", TOWNSHIP, "Organization/jmse-group",
				Instant.now().minusSeconds(60), TestKeys.read(TestKeys.ISSUER_KEY));
		String forged = TestKeys.accessToken("jmse-tc-01", TOWNSHIP, "Organization/jmse-group",
				Instant.now().plusSeconds(240), TestKeys.someOtherKey());
		String good = TestKeys.accessToken("jmse-tc-01", TOWNSHIP, "Organization/jmse-group",
				Instant.now().plusSeconds(240), TestKeys.read(TestKeys.ISSUER_KEY));
		for (String token : List.of(expired, forged)) {
			Response response = endpoint().anonymous().auth().oauth2(token).get("/fhir/" + PATIENT);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.jsonPath().getString("issue[0].diagnostics")).contains("not valid");
		}
		// the same claims, signed by the issuer's key and not expired, are good: the refusals above are the key's and the clock's
		assertThat(endpoint().anonymous().auth().oauth2(good).get("/fhir/" + PATIENT).statusCode()).isEqualTo(200);
	}

	@Test
	default void aPrivateKeyJwtClientGetsATokenAndReads() {
		String tokenEndpoint = "http://localhost:" + endpoint().port() + "/oauth2/token";
		Response token = endpoint().anonymous().contentType("application/x-www-form-urlencoded")
				.formParam("grant_type", "client_credentials").formParam("scope", "system/Patient.rs system/Observation.rs")
				.formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
				.formParam("client_assertion", TestKeys.clientAssertion("jmse-emr", tokenEndpoint, TestKeys.read(TestKeys.EMR_KEY)))
				.post("/oauth2/token");
		assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
		assertThat(token.jsonPath().getInt("expires_in")).isBetween(290, 300);
		String accessToken = token.jsonPath().getString("access_token");
		assertThat(endpoint().anonymous().auth().oauth2(accessToken).get("/fhir/" + PATIENT).statusCode()).isEqualTo(200);
		// read-only: the EMR cannot write
		Response write = endpoint().anonymous().auth().oauth2(accessToken).contentType("application/fhir+json")
				.body("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"王五\"}]}").post("/fhir/Patient");
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(write.jsonPath().getString("issue[0].diagnostics")).contains("scopes");

		// an assertion signed with a key the client never registered gets no token
		Response wrongKey = endpoint().anonymous().contentType("application/x-www-form-urlencoded")
				.formParam("grant_type", "client_credentials").formParam("scope", "system/Patient.rs")
				.formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
				.formParam("client_assertion", TestKeys.clientAssertion("jmse-emr", tokenEndpoint, TestKeys.someOtherKey()))
				.post("/oauth2/token");
		assertThat(wrongKey.statusCode()).isEqualTo(401);
	}

	@Test
	default void aClientGetsOnlyScopesWithinWhatItIsRegisteredFor() {
		Response narrower = AccessTokens.request(endpoint().port(), "jmse-tc-02", AccessTokens.DEMO_SECRET, "system/Observation.rs");
		assertThat(narrower.statusCode()).isEqualTo(200);
		assertThat(narrower.jsonPath().getString("scope")).isEqualTo("system/Observation.rs");
		Response wider = AccessTokens.request(endpoint().port(), "jmse-tc-02", AccessTokens.DEMO_SECRET, "system/*.cruds");
		assertThat(wider.statusCode()).isEqualTo(400);
		assertThat(wider.jsonPath().getString("error")).isEqualTo("invalid_scope");
		Response wrongSecret = AccessTokens.request(endpoint().port(), "jmse-tc-02", "guess", "system/Observation.rs");
		assertThat(wrongSecret.statusCode()).isEqualTo(401);

		String observationsOnly = narrower.jsonPath().getString("access_token");
		assertThat(endpoint().anonymous().auth().oauth2(observationsOnly).get("/fhir/Observation?patient=" + PATIENT)
				.statusCode()).isEqualTo(200);
		Response patientRead = endpoint().anonymous().auth().oauth2(observationsOnly).get("/fhir/" + PATIENT);
		assertThat(patientRead.statusCode()).isEqualTo(403);
		assertThat(patientRead.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
	}

	@Test
	default void aTownshipReadsResultsTheCountyHospitalPosted() {
		Observation posted = (Observation) endpoint().as(COUNTY).client().create().resource(glucose(COUNTY, "7.8"))
				.execute().getResource();
		FhirEndpoint township = endpoint().as(TOWNSHIP);
		Observation read = township.client().read().resource(Observation.class).withId(posted.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo("7.8");
		Bundle found = township.client().search().forResource(Observation.class)
				.where(Observation.PATIENT.hasId(PATIENT)).and(Observation.CODE.exactly().code("1558-6"))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.contains(posted.getIdElement().getIdPart());
	}

	@Test
	default void anotherGroupSeesNoneOfThePatient() {
		Observation posted = (Observation) endpoint().as(COUNTY).client().create().resource(glucose(COUNTY, "8.1"))
				.execute().getResource();
		FhirEndpoint neighbour = endpoint().as(NEIGHBOUR_COUNTY);
		Bundle patients = neighbour.client().search().forResource(Patient.class).where(Patient.RES_ID.exactly().code("jmse-pat-000007"))
				.returnBundle(Bundle.class).execute();
		assertThat(patients.getTotal()).isZero();
		Bundle observations = neighbour.client().search().forResource(Observation.class).where(Observation.PATIENT.hasId(PATIENT))
				.returnBundle(Bundle.class).execute();
		assertThat(observations.getTotal()).isZero();
		assertThat(observations.getEntry()).isEmpty();
		assertThatThrownBy(() -> neighbour.client().read().resource(Patient.class).withId(PATIENT).execute())
				.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> neighbour.client().read().resource(Observation.class)
				.withId(posted.getIdElement().toUnqualifiedVersionless()).execute())
				.isInstanceOf(ResourceNotFoundException.class);
		// while its own patients are there for it
		Bundle own = neighbour.client().search().forResource(Patient.class).returnBundle(Bundle.class).execute();
		assertThat(own.getTotal()).isPositive();
		assertThat(own.getEntry()).allSatisfy(entry -> {
			assertThat(entry.getResource().getIdElement().getIdPart()).doesNotStartWith("jmse-");
			assertThat(entry.getResource().getMeta().getTag()).anySatisfy(tag -> assertThat(tag.getCode()).isEqualTo("qtx-group"));
		});
	}

	@Test
	default void theReceiverOfAnOutOfGroupReferralReadsThatPatientUntilItCloses() {
		String patient = TestReferrals.PATIENT;
		FhirEndpoint neighbour = endpoint().as(NEIGHBOUR_COUNTY);
		assertThatThrownBy(() -> neighbour.client().read().resource(Patient.class).withId(patient).execute())
				.isInstanceOf(ResourceNotFoundException.class);
		Task task = TestReferrals.sendUpward(endpoint(), NEIGHBOUR_COUNTY, false, request -> {
		});
		// in the receiving hospital's inbox, and the patient with it
		Bundle inbox = neighbour.client().search().forResource(Task.class).where(Task.OWNER.hasId(NEIGHBOUR_COUNTY))
				.and(Task.STATUS.exactly().code("requested")).returnBundle(Bundle.class).execute();
		assertThat(inbox.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.contains(task.getIdElement().getIdPart());
		assertThat(neighbour.client().read().resource(Patient.class).withId(patient).execute().getIdElement().getIdPart())
				.isEqualTo("jmse-pat-000001");
		// and the patient's own group sees in its audit trail that the other hospital looked
		Bundle looked = endpoint().client().search().forResource(AuditEvent.class).where(AuditEvent.PATIENT.hasId(patient))
				.and(AuditEvent.AGENT.hasId(NEIGHBOUR_COUNTY)).returnBundle(Bundle.class).execute();
		assertThat(looked.getEntry()).isNotEmpty();
		// the referring centre withdraws it: the door closes
		TestReferrals.move(endpoint(), task, TaskStatus.CANCELLED, TOWNSHIP);
		assertThatThrownBy(() -> neighbour.client().read().resource(Patient.class).withId(patient).execute())
				.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	default void aVillageClinicCannotAcceptAReferralOwnedByTheCounty() {
		Task task = TestReferrals.sendUpward(endpoint(), COUNTY, false, request -> {
		});
		assertThatThrownBy(() -> TestReferrals.move(endpoint(), task.copy(), TaskStatus.RECEIVED, VILLAGE))
				.isInstanceOf(ForbiddenOperationException.class);
		Task stored = endpoint().client().read().resource(Task.class).withId(task.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(stored.getStatus()).isEqualTo(TaskStatus.REQUESTED);
		// the owner can
		assertThat(TestReferrals.move(endpoint(), stored, TaskStatus.RECEIVED, COUNTY).getStatus()).isEqualTo(TaskStatus.RECEIVED);
	}

	@Test
	default void aWriteNamingAnotherOrganisationAsPerformerIsRefused() {
		assertThatThrownBy(() -> endpoint().as(TOWNSHIP).client().create().resource(glucose(COUNTY, "6.0")).execute())
				.isInstanceOf(ForbiddenOperationException.class)
				.hasMessageContaining("only as its own organisation");
		assertThat(endpoint().as(TOWNSHIP).client().create().resource(glucose(TOWNSHIP, "6.0")).execute().getCreated()).isTrue();
	}

	@Test
	default void everyReadWritesExactlyOneStoredAuditEventNamingTheClientAndPatient() {
		Observation posted = (Observation) endpoint().as(COUNTY).client().create().resource(glucose(COUNTY, "9.9"))
				.execute().getResource();
		String observation = posted.getIdElement().toUnqualifiedVersionless().getValue();
		Date before = new Date();
		endpoint().as(TOWNSHIP).client().read().resource(Observation.class).withId(observation).execute();
		endpoint().as(TOWNSHIP).http().get("/fhir/" + PATIENT).then().statusCode(200);

		for (String what : List.of(observation, PATIENT)) {
			Bundle events = endpoint().as(TOWNSHIP).client().search().forResource(AuditEvent.class)
					.where(AuditEvent.ENTITY.hasId(what)).and(AuditEvent.AGENT.hasId(TOWNSHIP))
					.and(AuditEvent.SUBTYPE.exactly().code("read")).and(AuditEvent.DATE.afterOrEquals().millis(before))
					.returnBundle(Bundle.class).execute();
			// the events whose data entity is this resource (the patient is named as the patient of both reads)
			List<AuditEvent> reads = events.getEntry().stream().map(entry -> (AuditEvent) entry.getResource())
					.filter(event -> event.getEntity().stream().anyMatch(entity -> "4".equals(entity.getRole().getCode())
							&& what.equals(entity.getWhat().getReference()))).toList();
			assertThat(reads).as("read events of " + what).hasSize(1);
			AuditEvent event = reads.get(0);
			assertThat(event.getAgent()).anySatisfy(agent -> assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("jmse-tc-01"));
			assertThat(event.hasText()).as("BALP's fixed narrative is left out").isFalse();
			assertThat(event.getEntity()).anySatisfy(entity -> assertThat(entity.getWhat().getReference()).isEqualTo(PATIENT));
		}
		// the county hospital's create is on file too, with the observation and its patient
		Bundle created = endpoint().client().search().forResource(AuditEvent.class).where(AuditEvent.ENTITY.hasId(observation))
				.and(AuditEvent.SUBTYPE.exactly().code("create")).returnBundle(Bundle.class).execute();
		assertThat(created.getEntry()).hasSize(1);
	}

	/**
	 * A search page's events are queued together (AuditTrail, AuditQueue): still one event per patient shown,
	 * found by that patient and naming no other.
	 */
	@Test
	default void aSearchPageWritesOneEventPerPatientShownEachLinkedToItsPatient() {
		List<String> shown = List.of("Patient/jmse-pat-000008", "Patient/jmse-pat-000009");
		Date before = new Date();
		Bundle page = endpoint().as(TOWNSHIP).client().search().forResource(Patient.class)
				.where(new TokenClientParam("_id").exactly().codes("jmse-pat-000008", "jmse-pat-000009"))
				.returnBundle(Bundle.class).execute();
		assertThat(page.getEntry()).hasSize(2);

		for (String patient : shown) {
			Bundle events = endpoint().as(TOWNSHIP).client().search().forResource(AuditEvent.class)
					.where(AuditEvent.PATIENT.hasId(patient)).and(AuditEvent.AGENT.hasId(TOWNSHIP))
					.and(AuditEvent.SUBTYPE.exactly().code("search-type")).and(AuditEvent.DATE.afterOrEquals().millis(before))
					.returnBundle(Bundle.class).execute();
			assertThat(events.getEntry()).as("search events of " + patient).hasSize(1);
			AuditEvent event = (AuditEvent) events.getEntry().get(0).getResource();
			assertThat(event.getEntity().stream().filter(entity -> "1".equals(entity.getRole().getCode()))
					.map(entity -> entity.getWhat().getReference())).containsExactly(patient);
		}
	}

	/**
	 * A Bundle's events are stored together just before its commit (AuditAtCommit): each write still has its
	 * one event, naming the patient the Bundle itself created; a Bundle that fails leaves no event behind.
	 */
	@Test
	default void eachWriteOfATransactionIsAuditedAndAFailedTransactionLeavesNoEvent() {
		Patient patient = TestPatients.withChineseText();
		Bundle response = endpoint().as(COUNTY).client().transaction()
				.withBundle(TestPatients.transaction(patient, TestPatients.bloodPressure())).execute();
		List<String> written = response.getEntry().stream()
				.map(entry -> new IdType(entry.getResponse().getLocation()).toUnqualifiedVersionless().getValue()).toList();
		assertThat(written).hasSize(2);
		for (String what : written) {
			// BALP names the interaction (subtype "transaction"); the action says what happened to the resource
			List<AuditEvent> created = creations(AuditEvent.ENTITY.hasId(what), new Date(0)).stream()
					.filter(event -> event.getEntity().stream().anyMatch(entity -> "4".equals(entity.getRole().getCode())
							&& what.equals(entity.getWhat().getReference()))).toList();
			assertThat(created).as("create events of " + what).hasSize(1);
			assertThat(created.get(0).getAgent()).anySatisfy(agent -> assertThat(agent.getWho().getReference()).isEqualTo(COUNTY));
			assertThat(created.get(0).getEntity()).as("the patient of " + what)
					.anySatisfy(entity -> assertThat(entity.getWhat().getReference()).isEqualTo(written.get(0)));
		}

		Date before = new Date();
		Bundle failing = TestPatients.transaction(TestPatients.withChineseText(), TestPatients.bloodPressure());
		Observation broken = glucose(COUNTY, "5.5");
		broken.setSubject(new Reference("Patient/no-such-patient"));
		failing.addEntry().setResource(broken).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		assertThatThrownBy(() -> endpoint().as(COUNTY).client().transaction().withBundle(failing).execute())
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("Patient/no-such-patient");
		assertThat(creations(AuditEvent.AGENT.hasId(COUNTY), before)).isEmpty();
	}

	private List<AuditEvent> creations(ICriterion<?> which, Date since) {
		return endpoint().client().search().forResource(AuditEvent.class).where(which)
				.and(AuditEvent.ACTION.exactly().code("C")).and(AuditEvent.DATE.afterOrEquals().millis(since))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(entry -> (AuditEvent) entry.getResource())
				.toList();
	}

	/**
	 * Nodes drain the one queue side by side (three background drains skipping locked rows, one waiting for
	 * them, as before an audit read): each of 300 queued events is stored exactly once, and none is left.
	 */
	@Test
	default void drainsRunningSideBySideStoreEachQueuedEventExactlyOnce() throws Exception {
		Observation posted = (Observation) endpoint().as(COUNTY).client().create().resource(glucose(COUNTY, "6.6")).execute()
				.getResource();
		String observation = posted.getIdElement().toUnqualifiedVersionless().getValue();
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			events.add(executed(posted, "drain " + i));
		}
		auditQueue().enqueue(events);
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> drained = new ArrayList<>();
			for (int node = 0; node < 3; node++) {
				drained.add(nodes.submit(() -> {
					auditQueueDrain().inBackground();
					return 0;
				}));
			}
			drained.add(nodes.submit(auditQueueDrain()::everythingQueued));
			for (Future<Integer> node : drained) {
				node.get(2, TimeUnit.MINUTES);
			}
		} finally {
			nodes.shutdownNow();
		}
		List<String> stored = executions(observation).stream().map(AuditEvent::getOutcomeDesc).toList();
		assertThat(stored).hasSize(300).doesNotHaveDuplicates();
		assertThat(auditQueue().waiting()).isZero();
	}

	/** Without any audit read, the background drain stores what a read queued within seconds. */
	@Test
	default void theBackgroundDrainEmptiesTheQueueWithoutBeingAsked() {
		endpoint().as(TOWNSHIP).http().get("/fhir/" + PATIENT).then().statusCode(200);
		Eventually.that("the queue drained in the background").atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(100)).until(() -> auditQueue().waiting() == 0);
	}

	/**
	 * What an event names may be deleted before the event is stored; the server refuses references to deleted
	 * resources, so the drain retries the event naming it by identifier instead of losing it or blocking the queue.
	 */
	@Test
	default void anEventNamingAResourceDeletedBeforeItIsStoredIsStoredNamingItByIdentifier() {
		Observation posted = (Observation) endpoint().as(COUNTY).client().create().resource(glucose(COUNTY, "7.7")).execute()
				.getResource();
		String observation = posted.getIdElement().toUnqualifiedVersionless().getValue();
		auditQueue().enqueue(List.of(executed(posted, "before the delete")));
		endpoint().client().delete().resourceById(new IdType(observation)).execute();
		auditQueueDrain().everythingQueued();

		assertThat(auditQueue().waiting()).isZero();
		List<AuditEvent> stored = endpoint().client().search().forResource(AuditEvent.class)
				.where(AuditEvent.ACTION.exactly().code("E")).and(AuditEvent.AGENT.hasId(COUNTY)).count(200)
				// newest first: other tests store hundreds of such events, and this one must be on the page
				.sort().descending("_lastUpdated")
				.returnBundle(Bundle.class).execute().getEntry().stream().map(entry -> (AuditEvent) entry.getResource())
				.filter(event -> "before the delete".equals(event.getOutcomeDesc()))
				.filter(event -> event.getEntity().stream().anyMatch(entity -> observation.equals(entity.getWhat().getIdentifier().getValue())))
				.toList();
		assertThat(stored).hasSize(1);
	}

	/** An event like the server's own (an execution by the county hospital) naming one resource, in its group. */
	private static AuditEvent executed(Observation what, String marker) {
		AuditEvent event = new AuditEvent();
		event.getType().setSystem("http://terminology.hl7.org/CodeSystem/audit-event-type").setCode("rest");
		event.setAction(AuditEvent.AuditEventAction.E);
		event.setRecorded(new Date());
		event.setOutcome(AuditEvent.AuditEventOutcome._0);
		event.setOutcomeDesc(marker);
		event.addAgent().setRequestor(true).setWho(new Reference(COUNTY));
		event.getSource().setObserver(new Reference().setDisplay("test"));
		GroupScope.groupsOf(what).forEach(group -> GroupScope.tag(event, group));
		event.addEntity().setWhat(new Reference(what.getIdElement().toUnqualifiedVersionless())).getRole().setSystem("http://terminology.hl7.org/CodeSystem/object-role").setCode("4");
		return event;
	}

	private List<AuditEvent> executions(String what) {
		Bundle first = endpoint().client().search().forResource(AuditEvent.class).where(AuditEvent.ENTITY.hasId(what))
				.and(AuditEvent.ACTION.exactly().code("E")).count(500).returnBundle(Bundle.class).execute();
		return endpoint().pages(first).stream().flatMap(page -> page.getEntry().stream())
				.map(entry -> (AuditEvent) entry.getResource()).toList();
	}

	@Test
	default void auditEventsCannotBeCreatedChangedOrDeletedThroughTheApi() {
		endpoint().as(TOWNSHIP).http().get("/fhir/" + PATIENT).then().statusCode(200);
		AuditEvent event = (AuditEvent) endpoint().client().search().forResource(AuditEvent.class)
				.where(AuditEvent.PATIENT.hasId(PATIENT)).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		IdType id = event.getIdElement().toUnqualifiedVersionless();
		assertThatThrownBy(() -> endpoint().client().delete().resourceById(id).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		event.setOutcomeDesc("tampered");
		assertThatThrownBy(() -> endpoint().client().update().resource(event).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		assertThat(endpoint().client().read().resource(AuditEvent.class).withId(id).execute().hasOutcomeDesc()).isFalse();
		// nor forged: only the server writes them
		AuditEvent forged = event.copy();
		forged.setId((String) null);
		assertThatThrownBy(() -> endpoint().client().create().resource(forged).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	default void theTokenEndpointSlowsDownAClientThatAsksTooOften() {
		int refused = 0;
		for (int i = 0; i < 65; i++) { // more than two windows hold, wherever the minute turns
			if (AccessTokens.request(endpoint().port(), "jmse-vc-02-1", AccessTokens.DEMO_SECRET, "system/*.rs").statusCode() == 429) {
				refused++;
			}
		}
		assertThat(refused).isGreaterThanOrEqualTo(1);
	}

	private static Observation glucose(String performer, String value) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem(Systems.OBSERVATION_CATEGORY).setCode("laboratory");
		observation.getCode().addCoding().setSystem(Systems.LOINC).setCode("1558-6").setDisplay("Fasting glucose");
		observation.getCode().setText("空腹血糖");
		observation.setSubject(new Reference(PATIENT));
		observation.setEffective(new DateTimeType(new Date()));
		observation.addPerformer(new Reference(performer));
		observation.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("mmol/L").setSystem(Systems.UCUM).setCode("mmol/L"));
		return observation;
	}
}
