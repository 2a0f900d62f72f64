import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared record's two costs. (1) Patients written per second, and the time until MDM has linked them all
 * (run once with MDM on and once off by scripts/measure-record.sh). (2) $everything for one resident with about
 * 1,000 resources over three clinics' registrations: first page and whole record (following the next links),
 * on the golden id, at 1 and 8 clients.
 * Usage: java scripts/RecordBenchmark.java BASE_URL PATIENTS [everything]
 */
public class RecordBenchmark {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
	static final String GOLDEN = "http://hapifhir.io/fhir/NamingSystem/mdm-record-status%7CGOLDEN_RECORD";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int patients = Integer.parseInt(args[1]);
		if (patients > 0) {
			writePatients(base, patients);
		}
		if (args.length > 2 && args[2].equals("everything")) {
			everything(base);
		}
	}

	static void writePatients(String base, int patients) throws Exception {
		int goldenBefore = count(base + "/Patient?_tag=" + GOLDEN + "&_summary=count");
		int perBundle = 50;
		int bundles = patients / perBundle;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		List<Future<?>> sent = new ArrayList<>();
		for (int b = 0; b < bundles; b++) {
			int first = b * perBundle;
			sent.add(pool.submit(() -> {
				StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
				for (int i = 0; i < perBundle; i++) {
					bundle.append(i > 0 ? "," : "").append("{\"resource\":").append(patient(first + i))
							.append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
				}
				post(base, bundle.append("]}").toString());
				return null;
			}));
		}
		for (Future<?> bundle : sent) {
			bundle.get();
		}
		double written = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf("wrote %d patients in %.1f s: %.0f patients/s (4 clients, %d per transaction)%n",
				bundles * perBundle, written, bundles * perBundle / written, perBundle);
		int expected = goldenBefore + bundles * perBundle;
		long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
		int golden = goldenBefore;
		long lastProgress = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < Duration.ofSeconds(15).toNanos()) {
			int now = count(base + "/Patient?_tag=" + GOLDEN + "&_summary=count");
			if (now >= expected) {
				golden = now;
				break;
			}
			if (now > golden) {
				golden = now;
				lastProgress = System.nanoTime();
			}
			Thread.sleep(250);
		}
		double linked = (System.nanoTime() - start) / 1e9;
		if (golden >= expected) {
			System.out.printf("MDM: all linked to golden records %.1f s after the first write: %.0f patients/s end to end%n",
					linked, bundles * perBundle / linked);
		} else {
			System.out.printf("MDM: %d of %d golden records after %.0f s (off, or behind)%n", golden - goldenBefore,
					bundles * perBundle, linked);
		}
	}

	/** A resident of 吉木萨尔县 with a valid resident ID, registered at the 北庭镇 centre. */
	static String patient(int n) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 70));
		String id = residentId(born, random.nextInt(1000));
		boolean male = (id.charAt(16) - '0') % 2 == 1;
		String[] families = {"王", "李", "张", "刘", "陈", "杨", "马", "赵", "古丽", "阿依"};
		String[] givens = {"芳", "建国", "秀英", "伟", "娜", "强", "丽", "军", "敏", "静"};
		String name = families[random.nextInt(families.length)] + givens[random.nextInt(givens.length)];
		return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + RESIDENT_ID + "\",\"value\":\"" + id + "\"},"
				+ "{\"system\":\"http://onesheet.org/fhir/sid/local-record/jmse-tc-01\",\"value\":\"BM" + System.nanoTime() + n + "\"}],"
				+ "\"name\":[{\"text\":\"" + name + "\"}],\"gender\":\"" + (male ? "male" : "female") + "\",\"birthDate\":\"" + born + "\"}";
	}

	static String residentId(LocalDate born, int sequence) {
		String body = "652327" + born.toString().replace("-", "") + String.format("%03d", sequence);
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	/** One resident, three registrations, ~1,000 resources: encounters with a blood pressure and a glucose each. */
	static void everything(String base) throws Exception {
		String id = residentId(LocalDate.of(1956, 3, 14), 482);
		String[] clinics = {"jmse-tc-01", "jmse-tc-02", "jmse-county-hospital"};
		List<String> registrations = new ArrayList<>();
		for (String clinic : clinics) {
			String response = post(base, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
					+ "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + RESIDENT_ID + "\",\"value\":\"" + id + "\"},"
					+ "{\"system\":\"http://onesheet.org/fhir/sid/local-record/" + clinic + "\",\"value\":\"R" + System.nanoTime() + "\"}],"
					+ "\"name\":[{\"text\":\"马德福\"}],\"gender\":\"female\",\"birthDate\":\"1956-03-14\"},"
					+ "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}");
			registrations.add(first(response, "\"location\"\\s*:\\s*\"(Patient/[^/\"]+)"));
		}
		int resources = 3;
		for (int c = 0; c < 3; c++) {
			for (int b = 0; b < 3; b++) { // 3 bundles of 37 visits x 3 resources per clinic: 999
				StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
				for (int v = 0; v < 37; v++) {
					String encounter = "urn:uuid:" + java.util.UUID.randomUUID();
					String subject = "{\"reference\":\"" + registrations.get(c) + "\"}";
					String performer = "[{\"reference\":\"Organization/" + clinics[c] + "\"}]";
					bundle.append(v > 0 ? "," : "")
							.append("{\"fullUrl\":\"").append(encounter).append("\",\"resource\":{\"resourceType\":\"Encounter\",\"status\":\"finished\","
									+ "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":" + subject
									+ ",\"serviceProvider\":{\"reference\":\"Organization/" + clinics[c] + "\"}},\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}},")
							.append("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}],\"text\":\"血压\"},"
									+ "\"subject\":" + subject + ",\"encounter\":{\"reference\":\"" + encounter + "\"},\"performer\":" + performer
									+ ",\"effectiveDateTime\":\"2026-0" + (1 + b) + "-1" + (v % 9) + "T09:00:00+08:00\","
									+ "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},\"valueQuantity\":{\"value\":" + (120 + v)
									+ ",\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}]},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}},")
							.append("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1558-6\"}],\"text\":\"空腹血糖\"},"
									+ "\"subject\":" + subject + ",\"encounter\":{\"reference\":\"" + encounter + "\"},\"performer\":" + performer
									+ ",\"effectiveDateTime\":\"2026-0" + (1 + b) + "-1" + (v % 9) + "T09:00:00+08:00\","
									+ "\"valueQuantity\":{\"value\":" + (5 + v % 4) + ".2,\"unit\":\"mmol/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mmol/L\"}},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
					resources += 3;
				}
				post(base, bundle.append("]}").toString());
			}
		}
		String golden = null;
		for (int tries = 0; tries < 240 && golden == null; tries++) {
			String links = get(base + "/$mdm-query-links?resourceId=" + registrations.get(2));
			Matcher found = Pattern.compile("\"goldenResourceId\"\\s*,\\s*\"valueString\"\\s*:\\s*\"(Patient/[^\"]+)\"").matcher(links);
			golden = found.find() ? found.group(1) : null;
			if (golden == null) {
				Thread.sleep(250);
			}
		}
		System.out.printf("one resident, %d resources over %s, golden record %s%n", resources, registrations, golden);
		String firstPage = base + "/" + golden + "/$everything";
		System.out.printf("whole record: %d entries over the pages%n", wholeRecord(firstPage));
		time("$everything first page (20)", () -> get(firstPage), 1, 5);
		for (int clients : new int[] {1, 8}) {
			time("$everything first page (20)", () -> get(firstPage), clients, 100);
		}
		time("$everything whole record, _count=500", () -> wholeRecord(firstPage + "?_count=500"), 1, 20);
		time("$everything whole record, _count=500", () -> wholeRecord(firstPage + "?_count=500"), 8, 40);
	}

	static int wholeRecord(String url) throws Exception {
		int entries = 0;
		String next = url;
		while (next != null) {
			String page = get(next);
			Matcher resource = Pattern.compile("\"resource\"\\s*:").matcher(page);
			while (resource.find()) {
				entries++;
			}
			Matcher link = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
			next = link.find() ? link.group(1) : null;
		}
		return entries;
	}

	interface Call {
		Object run() throws Exception;
	}

	static void time(String what, Call call, int clients, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long[] took = new long[count];
		long start = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			running.add(pool.submit(() -> {
				long t0 = System.nanoTime();
				call.run();
				took[n] = System.nanoTime() - t0;
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		Arrays.sort(took);
		System.out.printf("%-40s %d client(s): p50 %4.0f ms  p95 %4.0f ms  p99 %4.0f ms  %5.1f req/s%n", what, clients,
				pct(took, 50), pct(took, 95), pct(took, 99), count / seconds);
	}

	static double pct(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	static String post(String base, String bundle) throws Exception {
		HttpResponse<String> response = HTTP.send(authorised(HttpRequest.newBuilder(URI.create(base))).timeout(Duration.ofMinutes(5))
				.header("Content-Type", "application/fhir+json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body().substring(0, Math.min(800, response.body().length())));
		}
		return response.body();
	}

	static String get(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(authorised(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofMinutes(5))
				.header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static int count(String url) throws Exception {
		return Integer.parseInt(first(get(url), "\"total\"\\s*:\\s*(\\d+)"));
	}

	static String first(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(500, text.length())));
		}
		return matcher.group(1);
	}

	/** Every FHIR request carries the bearer token the script got for it (scripts/token.sh; README, Security). */
	static HttpRequest.Builder authorised(HttpRequest.Builder request) {
		String token = System.getenv("ONESHEET_TOKEN");
		return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
	}
}
