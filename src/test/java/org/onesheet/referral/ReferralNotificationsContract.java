package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesheet.referral.TestReferrals.move;
import static org.onesheet.referral.TestReferrals.sendUpward;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.support.ActiveSubscriptions;
import org.onesheet.support.FhirEndpoint;

/**
 * New and changed referrals reach the receiving clinic through HAPI's subscriptions: a rest-hook to a real
 * HTTP endpoint the test starts, and a websocket the test binds.
 */
public interface ReferralNotificationsContract {

	Duration PATIENCE = Duration.ofSeconds(60);

	FhirEndpoint endpoint();

	/** A receiving department of its own, so that no other test's referral reaches the subscription. */
	private String newReceivingDepartment() {
		Organization department = new Organization();
		department.setName("吉木萨尔县总医院康复医学科").setActive(true)
				.setPartOf(new Reference(TestReferrals.COUNTY));
		return endpoint().client().create().resource(department).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private IdType subscribe(String owner, Subscription.SubscriptionChannelType type, String url) throws InterruptedException {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
		subscription.setReason("转诊收件箱 (referral inbox of " + owner + ")");
		subscription.setCriteria("Task?owner=" + owner);
		subscription.getChannel().setType(type).setEndpoint(url).setPayload(
				type == Subscription.SubscriptionChannelType.RESTHOOK ? "application/fhir+json" : null);
		IdType id = (IdType) endpoint().client().create().resource(subscription).execute().getId().toUnqualifiedVersionless();
		ActiveSubscriptions.awaitActive(endpoint(), id);
		return id;
	}

	@Test
	default void aRestHookDeliversEachNewAndChangedReferralToTheReceivingClinic() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		HttpServer clinic = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		clinic.createContext("/emr/fhir", exchange -> {
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		clinic.start();
		String owner = newReceivingDepartment();
		IdType subscription = subscribe(owner, Subscription.SubscriptionChannelType.RESTHOOK,
				"http://localhost:" + clinic.getAddress().getPort() + "/emr/fhir");
		try {
			Task sent = sendUpward(endpoint(), owner, false, request -> {
			});
			String taskPath = "/emr/fhir/Task/" + sent.getIdElement().getIdPart();

			String created = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(created).as("notification of the new referral").isNotNull()
					.contains(taskPath).contains("\"status\":\"requested\"");

			move(endpoint(), sent, TaskStatus.RECEIVED, owner);
			String changed = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(changed).as("notification of the change").isNotNull()
					.contains(taskPath).contains("\"status\":\"received\"");
		} finally {
			clinic.stop(0);
			endpoint().client().delete().resourceById(subscription).execute();
		}
	}

	@Test
	default void aWebsocketBoundToTheInboxIsPingedForANewReferral() throws Exception {
		String owner = newReceivingDepartment();
		IdType subscription = subscribe(owner, Subscription.SubscriptionChannelType.WEBSOCKET, null);
		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
				.header("Authorization", "Bearer " + endpoint().token()) // the websocket is behind the token check too
				.buildAsync(URI.create("ws://localhost:" + endpoint().port() + "/websocket"), new WebSocket.Listener() {
					@Override
					public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
						messages.add(data.toString());
						webSocket.request(1);
						return null;
					}
				}).get(30, TimeUnit.SECONDS);
		try {
			socket.sendText("bind " + subscription.getIdPart(), true).get(10, TimeUnit.SECONDS);
			assertThat(messages.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).startsWith("bound " + subscription.getIdPart());

			sendUpward(endpoint(), owner, false, request -> {
			});

			assertThat(messages.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).startsWith("ping " + subscription.getIdPart());
		} finally {
			socket.abort();
			endpoint().client().delete().resourceById(subscription).execute();
		}
	}

}
