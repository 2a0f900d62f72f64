import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receiving clinic's referral inbox on a server holding many referral Tasks. Loads TASKS Tasks (spread
 * over twelve receiving organisations of the demo group, a quarter of them still open, 2% stat), then times
 * the inbox query of the county hospital at 1 and 8 clients with HAPI's search cache bypassed
 * (Cache-Control: no-cache), and prints p50 / p95 / p99 and requests per second.
 * Run by scripts/measure-inbox.sh. Usage: java scripts/InboxLatency.java BASE_URL TASKS
 */
public class InboxLatency {

	static final String[] OWNERS = {"jmse-county-hospital", "jmse-stroke-centre", "jmse-imaging-centre", "jmse-ecg-centre",
		"jmse-tc-01", "jmse-tc-02", "jmse-tc-03", "jmse-tc-04", "jmse-tc-05", "jmse-tc-06", "jmse-tc-07", "jmse-tc-08"};
	static final String INBOX = "Task?owner=Organization/jmse-county-hospital&status=requested,received"
			+ "&_sort=-authored-on&_include=Task:focus&_include=Task:patient";
	static final int PER_BUNDLE = 500;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int tasks = Integer.parseInt(args[1]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		if (tasks > 0) { // 0: time the inbox of what the server already holds
			List<String> requests = referralRequests(http, base);
			long start = System.nanoTime();
			load(http, base, tasks, requests);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("loaded %d Tasks in %.0f s (%.0f/s)%n", tasks, seconds, tasks / seconds);
		}
		System.out.printf("the server holds %s Tasks%n", count(http, base + "/Task?_summary=count"));
		System.out.printf("inbox: %s matches of the county hospital's%n", count(http, base + "/Task?owner=Organization/jmse-county-hospital&status=requested,received&_summary=count"));
		time(http, base, 1, 50); // warm-up
		for (int clients : new int[] {1, 8}) {
			time(http, base, clients, 200);
		}
	}

	/** Fifty referral ServiceRequests for the Tasks to focus on, one per demo patient. */
	static List<String> referralRequests(HttpClient http, String base) throws Exception {
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
		for (int p = 1; p <= 50; p++) {
			String patient = String.format("jmse-pat-%06d", p);
			bundle.append(p > 1 ? "," : "").append("{\"resource\":{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\","
					+ "\"extension\":[{\"url\":\"http://onesheet.org/fhir/StructureDefinition/referral-direction\",\"valueCoding\":{\"system\":\"http://onesheet.org/fhir/CodeSystem/referral-direction\",\"code\":\"up\"}}],"
					+ "\"category\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"3457005\"}]}],\"priority\":\"routine\","
					+ "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"requester\":{\"reference\":\"PractitionerRole/jmse-role-011a\"},"
					+ "\"performer\":[{\"reference\":\"Organization/jmse-county-hospital\"}],\"reasonCode\":[{\"text\":\"血压控制不佳\"}]},"
					+ "\"request\":{\"method\":\"POST\",\"url\":\"ServiceRequest\"}}");
		}
		String response = post(http, base, bundle.append("]}").toString());
		List<String> ids = new ArrayList<>();
		Matcher location = Pattern.compile("\"location\":\\s*\"(ServiceRequest/[^/\"]+)").matcher(response);
		while (location.find()) {
			ids.add(location.group(1));
		}
		return ids;
	}

	static void load(HttpClient http, String base, int tasks, List<String> requests) throws Exception {
		AtomicInteger nextBundle = new AtomicInteger();
		int bundles = (tasks + PER_BUNDLE - 1) / PER_BUNDLE;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			workers.add(pool.submit(() -> {
				for (int b = nextBundle.getAndIncrement(); b < bundles; b = nextBundle.getAndIncrement()) {
					Random random = new Random(b);
					StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
					for (int i = 0; i < PER_BUNDLE && b * PER_BUNDLE + i < tasks; i++) {
						bundle.append(i > 0 ? "," : "").append("{\"resource\":").append(task(random, requests)).append(",\"request\":{\"method\":\"POST\",\"url\":\"Task\"}}");
					}
					post(http, base, bundle.append("]}").toString());
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
	}

	static String task(Random random, List<String> requests) {
		int r = random.nextInt(requests.size());
		String focus = requests.get(r);
		String patient = String.format("jmse-pat-%06d", r + 1);
		String owner = OWNERS[random.nextInt(OWNERS.length)];
		String status = random.nextInt(4) == 0 ? (random.nextBoolean() ? "requested" : "received") : "completed";
		String authored = Instant.now().minusSeconds(random.nextInt(90 * 86_400)).toString();
		String priority = random.nextInt(50) == 0 ? "stat" : "routine";
		String business = status.equals("completed") ? "completed" : "created";
		String feedback = status.equals("completed")
				? ",\"output\":[{\"type\":{\"coding\":[{\"system\":\"http://onesheet.org/fhir/CodeSystem/referral-output-type\",\"code\":\"feedback\"}]},\"valueString\":\"已诊治\"}]"
				: "";
		return "{\"resourceType\":\"Task\",\"status\":\"" + status + "\",\"intent\":\"order\",\"priority\":\"" + priority + "\","
				+ "\"businessStatus\":{\"coding\":[{\"system\":\"http://onesheet.org/fhir/CodeSystem/referral-status\",\"code\":\"" + business + "\"}]},"
				+ "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/CodeSystem/task-code\",\"code\":\"fulfill\"}]},"
				+ "\"focus\":{\"reference\":\"" + focus + "\"},\"for\":{\"reference\":\"Patient/" + patient + "\"},"
				+ "\"authoredOn\":\"" + authored + "\",\"requester\":{\"reference\":\"Organization/jmse-tc-0" + (1 + random.nextInt(8)) + "\"},"
				+ "\"owner\":{\"reference\":\"Organization/" + owner + "\"}" + feedback + "}";
	}

	static void time(HttpClient http, String base, int clients, int count) throws Exception {
		List<Long> micros = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				while (next.getAndIncrement() < count) {
					HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(base + "/" + INBOX)))
							.header("Cache-Control", "no-cache").GET().build();
					long t0 = System.nanoTime();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					micros.add((System.nanoTime() - t0) / 1000);
					if (response.statusCode() != 200) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("inbox, %d client(s), %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s%n", clients,
				count, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), count / seconds);
	}

	static double pct(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
	}

	static String post(HttpClient http, String base, String bundle) throws Exception {
		HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(base)))
				.header("Content-Type", "application/fhir+json; charset=utf-8")
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.ofString(bundle)).build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body().substring(0, Math.min(2000, response.body().length())));
		}
		return response.body();
	}

	static String count(HttpClient http, String url) throws Exception {
		String body = http.send(authorised(HttpRequest.newBuilder(URI.create(url))).header("Cache-Control", "no-cache").build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher total = Pattern.compile("\"total\":\\s*(\\d+)").matcher(body);
		return total.find() ? total.group(1) : "?";
	}

	/** Every FHIR request carries the bearer token the script got for it (scripts/token.sh; README, Security). */
	static HttpRequest.Builder authorised(HttpRequest.Builder request) {
		String token = System.getenv("ONESHEET_TOKEN");
		return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
	}
}
