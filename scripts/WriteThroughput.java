import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Writes per second against a running OneSheet: POSTs of Observations (which no profile covers) and of
 * Patients (held to OneSheetPatient), from C concurrent clients. Run by scripts/measure-validation.sh.
 * Usage: java scripts/WriteThroughput.java BASE_URL COUNT CLIENTS
 */
public class WriteThroughput {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int count = Integer.parseInt(args[1]);
		int clients = Integer.parseInt(args[2]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		run(http, base + "/Observation", count / 5, clients, WriteThroughput::observation); // warm-up
		run(http, base + "/Patient", count / 5, clients, i -> patient(1_000_000 + i));
		double observations = run(http, base + "/Observation", count, clients, WriteThroughput::observation);
		double patients = run(http, base + "/Patient", count, clients, WriteThroughput::patient);
		System.out.printf("Observation writes/s: %.0f%nPatient writes/s: %.0f%n", observations, patients);
	}

	static double run(HttpClient http, String url, int count, int clients, IntFunction<String> body) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					HttpRequest request = authorised(HttpRequest.newBuilder(URI.create(url)))
							.header("Content-Type", "application/fhir+json; charset=utf-8")
							.POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 201) {
						throw new IllegalStateException(response.statusCode() + " " + response.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		return count / ((System.nanoTime() - start) / 1e9);
	}

	static String observation(int i) {
		return """
				{"resourceType":"Observation","status":"final",
				 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
				 "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}],"text":"血压"},
				 "subject":{"reference":"Patient/jmse-pat-000001"},"effectiveDateTime":"2026-11-25T09:00:00+08:00",
				 "component":[
				  {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
				  {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
				""".formatted(110 + i % 70, 70 + i % 40);
	}

	static String patient(int i) {
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 25_000);
		int sequence = (i / 25_000) % 500 * 2 + 1; // odd: male
		String body = "652301" + birth.toString().replace("-", "") + String.format("%03d", sequence % 1000);
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int d = 0; d < 17; d++) {
			sum += (body.charAt(d) - '0') * weights[d];
		}
		String id = body + "10X98765432".charAt(sum % 11);
		return """
				{"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.156.10011.1.3","value":"%s"}],
				 "name":[{"text":"测试居民%d"}],"gender":"male","birthDate":"%s",
				 "address":[{"text":"新疆维吾尔自治区昌吉回族自治州昌吉市","district":"昌吉市"}]}
				""".formatted(id, i, birth);
	}

	/** Every FHIR request carries the bearer token the script got for it (scripts/token.sh; README, Security). */
	static HttpRequest.Builder authorised(HttpRequest.Builder request) {
		String token = System.getenv("ONESHEET_TOKEN");
		return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
	}
}
