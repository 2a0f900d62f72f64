package org.onesheet.bench;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read set, timed against a running OneSheet holding the demo group: resident-ID lookup, a patient's
 * results, $everything (first page, and the whole record page by page), an EMR's delta pull, the county
 * hospital's referral inbox, the ECG centre's worklist, $recognized-results, and each $evaluate-measure, at 1
 * and at 8 clients, after one untimed round of every query. Each request is on a resident drawn at random;
 * HAPI's search-result cache is off in OneSheet and bypassed besides (Cache-Control: no-cache), so every
 * search runs against the database.
 * Usage: reads BASE REQUESTS LABEL RESULTS.jsonl; BENCH_ONLY=&lt;name prefixes, comma-separated&gt; times only the queries so named.
 */
final class Reads {

	private static final Pattern NEXT = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

	record Query(String name, IntFunction<String> path, boolean wholeRecord) {
		Query(String name, IntFunction<String> path) {
			this(name, path, false);
		}
	}

	private static final int WARM_UP = 40;

	private Reads() {
	}

	static void run(String[] args) throws Exception {
		FhirClient fhir = FhirClient.forGroupAdministrator(args[0]);
		int requests = Integer.parseInt(args[1]);
		String label = args[2];
		Path results = Path.of(args[3]);
		List<String[]> residents = residents(fhir);
		System.out.printf("%-40s %7s %8s %8s %8s %8s%n", "query (" + label + ")", "clients", "p50 ms", "p95 ms", "p99 ms", "req/s");
		List<Query> queries = queries(residents);
		// some queries alone, e.g. under a profiler: BENCH_ONLY="resident-ID lookup", or several: "referral,reading"
		String only = System.getenv("BENCH_ONLY");
		if (only != null && !only.isBlank()) {
			List<String> prefixes = List.of(only.split(","));
			queries = queries.stream().filter(query -> prefixes.stream().anyMatch(query.name()::startsWith)).toList();
		}
		// A server runs all day: its hot paths are compiled. Freshly started, the JIT compiler was still using
		// about a third of the server's CPU after the first few hundred lookups; one untimed round of every query
		// first (at 8 clients, residents taken in turn) lets it finish.
		for (Query query : queries) {
			int n = Math.max(WARM_UP, requests);
			Timings.time(8, n, i -> fetch(fhir, query, 1_000_000 + i));
		}
		storeAuditTrail(fhir);
		for (Query query : queries) {
			for (int clients : new int[] {1, 8}) {
				boolean heavy = query.name().startsWith("$evaluate") || query.wholeRecord();
				int n = heavy ? Math.max(16, requests / 5) : requests;
				Random random = new Random(clients * 31L + query.name().hashCode());
				int[] draws = random.ints(n, 0, 1_000_000).toArray();
				Timings.Summary timed = Timings.time(clients, n, i -> fetch(fhir, query, draws[i]));
				// The reads' audit events are queued as they are answered and stored by the server just after
				// (security/AuditQueueDrain). Storing what this phase left is counted in its throughput, and so
				// not left to slow the next phase down.
				double storing = storeAuditTrail(fhir);
				Timings.Summary summary = timed.withMoreSeconds(storing);
				System.out.printf("%-40s %7d %8.1f %8.1f %8.1f %8.1f%n", query.name(), clients, summary.p50(), summary.p95(),
						summary.p99(), summary.perSecond());
				JsonObject result = new JsonObject();
				result.addProperty("kind", "read");
				result.addProperty("label", label);
				result.addProperty("query", query.name());
				result.addProperty("clients", clients);
				result.addProperty("requests", n);
				result.addProperty("p50_ms", round(summary.p50()));
				result.addProperty("p95_ms", round(summary.p95()));
				result.addProperty("p99_ms", round(summary.p99()));
				result.addProperty("per_second", round(summary.perSecond()));
				result.addProperty("audit_stored_after_s", round(storing));
				Results.append(results, result);
			}
		}
	}

	/** One audit read, which has the server store every queued audit event first; returns the seconds it took. */
	private static double storeAuditTrail(FhirClient fhir) throws Exception {
		long start = System.nanoTime();
		fhir.get("AuditEvent?_count=1");
		return (System.nanoTime() - start) / 1e9;
	}

	private static List<Query> queries(List<String[]> residents) {
		IntFunction<String> patient = i -> residents.get(i % residents.size())[0];
		String since = Instant.now().minus(Duration.ofDays(30)).toString();
		String month = LocalDate.now().withDayOfMonth(1).toString();
		String today = LocalDate.now().toString();
		List<Query> queries = new ArrayList<>(List.of(
				new Query("resident-ID lookup", i -> "Patient?identifier=urn:oid:2.16.156.10011.1.3|" + residents.get(i % residents.size())[1]),
				new Query("Observation?patient&_count=50", i -> "Observation?patient=Patient/" + patient.apply(i) + "&_count=50"),
				new Query("$everything, first page", i -> "Patient/" + patient.apply(i) + "/$everything?_count=50"),
				new Query("$everything, whole record", i -> "Patient/" + patient.apply(i) + "/$everything?_count=50", true),
				new Query("EMR delta pull", i -> "DiagnosticReport?_lastUpdated=gt" + encode(since) + "&_include=DiagnosticReport:result&_count=50"),
				new Query("referral inbox", i -> "Task?owner=Organization/jmse-county-hospital&status=requested,received&_sort=-authored-on&_include=Task:focus&_include=Task:patient"),
				new Query("reading worklist", i -> "Task?owner=Organization/jmse-ecg-centre&status=requested,received,accepted&_sort=-authored-on&_include=Task:focus"),
				new Query("$recognized-results", i -> "Patient/" + patient.apply(i) + "/$recognized-results?code=http://loinc.org|4548-4")));
		for (String measure : List.of("county-visit-rate", "primary-care-share", "downward-referral-share", "upward-referral-count",
				"contract-coverage", "chronic-control-rate", "reading-turnaround", "referral-acceptance-time")) {
			queries.add(new Query("$evaluate-measure " + measure,
					i -> "Measure/" + measure + "/$evaluate-measure?periodStart=" + month + "&periodEnd=" + today));
		}
		return queries;
	}

	/** One request, or for the whole record every page until there is no next link. */
	private static void fetch(FhirClient fhir, Query query, int draw) throws Exception {
		String page = fhir.get(query.path().apply(draw));
		while (query.wholeRecord()) {
			Matcher next = NEXT.matcher(page);
			if (!next.find()) {
				return;
			}
			page = fhir.get(next.group(1));
		}
	}

	/** {patient id, resident ID} of the demo group's residents. */
	private static List<String[]> residents(FhirClient fhir) throws Exception {
		String body = fhir.get("Patient?_count=1000&_elements=identifier&identifier=urn:oid:2.16.156.10011.1.3|");
		List<String[]> residents = new ArrayList<>();
		Matcher entry = Pattern.compile("\"id\":\"(jmse-pat-\\d{6})\".*?\"system\":\"urn:oid:2\\.16\\.156\\.10011\\.1\\.3\",\"value\":\"(\\w{18})\"")
				.matcher(body);
		while (entry.find()) {
			residents.add(new String[] {entry.group(1), entry.group(2)});
		}
		if (residents.isEmpty()) {
			throw new IllegalStateException("no demo residents found at " + fhir.base());
		}
		return residents;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
