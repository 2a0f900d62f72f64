import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read set of issue 8, timed against a running OneSheet holding the demo group: resident-ID lookup,
 * a patient's results, $everything (first page), an EMR's delta pull, the county hospital's referral inbox,
 * the ECG centre's worklist, $recognized-results, and each $evaluate-measure, at 1 and at 8 clients, with
 * HAPI's search cache bypassed (Cache-Control: no-cache) and each request on another resident. Prints a
 * table (p50 / p95 / p99 ms, requests per second) and writes it as JSON with the machine and settings.
 * First part of the suite: loading and the sizes 10^4..10^6 come next (see README, Performance).
 * Usage: java scripts/ReadBenchmark.java <fhir base> <requests per query and level> <json out>; token in ONESHEET_TOKEN.
 */
public class ReadBenchmark {

	record Query(String name, IntFunction<String> path) {
	}

	record Result(String query, int clients, int requests, double p50, double p95, double p99, double perSecond) {
	}

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int requests = Integer.parseInt(args[1]);
		Path json = Path.of(args[2]);
		List<String[]> residents = residents(base); // {patient id, resident ID}
		String since = Instant.now().minus(Duration.ofDays(30)).toString();
		String month = java.time.LocalDate.now().withDayOfMonth(1).toString();
		String today = java.time.LocalDate.now().toString();
		List<Query> queries = new ArrayList<>(List.of(
				new Query("resident-ID lookup", i -> "Patient?identifier=urn:oid:2.16.156.10011.1.3|" + residents.get(i % residents.size())[1]),
				new Query("Observation?patient&_count=50", i -> "Observation?patient=Patient/" + residents.get(i % residents.size())[0] + "&_count=50"),
				new Query("$everything, first page", i -> "Patient/" + residents.get(i % residents.size())[0] + "/$everything?_count=50"),
				new Query("EMR delta pull", i -> "DiagnosticReport?_lastUpdated=gt" + encode(since) + "&_include=DiagnosticReport:result&_count=50"),
				new Query("referral inbox", i -> "Task?owner=Organization/jmse-county-hospital&status=requested,received&_sort=-authored-on&_include=Task:focus&_include=Task:patient"),
				new Query("reading worklist", i -> "Task?owner=Organization/jmse-ecg-centre&status=requested,received,accepted&_sort=-authored-on&_include=Task:focus"),
				new Query("$recognized-results", i -> "Patient/" + residents.get(i % residents.size())[0] + "/$recognized-results?code=http://loinc.org|4548-4")));
		for (String measure : List.of("county-visit-rate", "primary-care-share", "downward-referral-share", "upward-referral-count",
				"contract-coverage", "chronic-control-rate", "reading-turnaround", "referral-acceptance-time")) {
			queries.add(new Query("$evaluate-measure " + measure, i -> "Measure/" + measure + "/$evaluate-measure?periodStart=" + month
					+ "&periodEnd=" + today));
		}
		List<Result> results = new ArrayList<>();
		System.out.printf("%-45s %7s %8s %8s %8s %8s%n", "query", "clients", "p50 ms", "p95 ms", "p99 ms", "req/s");
		for (Query query : queries) {
			for (int i = 0; i < 10; i++) { // warm-up
				get(base, query.path().apply(i));
			}
			for (int clients : new int[] {1, 8}) {
				Result result = time(base, query, clients, query.name().startsWith("$evaluate") ? Math.max(10, requests / 10) : requests);
				results.add(result);
				System.out.printf("%-45s %7d %8.1f %8.1f %8.1f %8.1f%n", result.query(), result.clients(), result.p50(), result.p95(),
						result.p99(), result.perSecond());
			}
		}
		Files.writeString(json, json(base, residents.size(), results));
		System.out.println("written " + json);
	}

	static Result time(String base, Query query, int clients, int requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Double>> futures = new ArrayList<>();
		Random random = new Random(clients * 31L + query.name().hashCode());
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			String path = query.path().apply(random.nextInt(1_000_000));
			futures.add(pool.submit(() -> {
				long begin = System.nanoTime();
				get(base, path);
				return (System.nanoTime() - begin) / 1e6;
			}));
		}
		List<Double> millis = new ArrayList<>();
		for (Future<Double> future : futures) {
			millis.add(future.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		Collections.sort(millis);
		return new Result(query.name(), clients, requests, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
				requests / seconds);
	}

	static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	static List<String[]> residents(String base) throws IOException, InterruptedException {
		String body = get(base, "Patient?_count=500&_elements=identifier&identifier=urn:oid:2.16.156.10011.1.3|");
		List<String[]> residents = new ArrayList<>();
		Matcher entry = Pattern.compile("\"id\":\"(jmse-pat-\\d{6})\".*?\"system\":\"urn:oid:2\\.16\\.156\\.10011\\.1\\.3\",\"value\":\"(\\w{18})\"")
				.matcher(body);
		while (entry.find()) {
			residents.add(new String[] {entry.group(1), entry.group(2)});
		}
		if (residents.isEmpty()) {
			throw new IllegalStateException("no demo residents found at " + base);
		}
		return residents;
	}

	static String get(String base, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + path.replace("|", "%7C")))
				.header("Accept", "application/fhir+json").header("Cache-Control", "no-cache")
				.header("Authorization", "Bearer " + System.getenv("ONESHEET_TOKEN")).timeout(Duration.ofMinutes(2)).build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
		return response.body();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String json(String base, int residents, List<Result> results) {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
		machine.put("client_java", System.getProperty("java.version"));
		machine.put("server", base);
		machine.put("residents_sampled", String.valueOf(residents));
		machine.put("when", Instant.now().toString());
		StringBuilder out = new StringBuilder("{\n  \"machine\": {");
		machine.forEach((k, v) -> out.append("\"").append(k).append("\": \"").append(v.replace("\"", "'")).append("\", "));
		out.setLength(out.length() - 2);
		out.append("},\n  \"results\": [\n");
		for (int i = 0; i < results.size(); i++) {
			Result r = results.get(i);
			out.append(String.format(java.util.Locale.ROOT,
					"    {\"query\": \"%s\", \"clients\": %d, \"requests\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, \"p99_ms\": %.1f, \"per_second\": %.1f}%s%n",
					r.query(), r.clients(), r.requests(), r.p50(), r.p95(), r.p99(), r.perSecond(), i + 1 < results.size() ? "," : ""));
		}
		return out.append("  ]\n}\n").toString();
	}
}
