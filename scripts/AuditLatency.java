import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Read latency as a clinic system sees it, one client, sequential: a patient read and a search of a patient's
 * results (_count=50), each over the demo residents in random order. Run once with the audit trail on and once
 * off (scripts/measure-audit.sh) to see what storing an AuditEvent per patient touched costs.
 * Usage: java scripts/AuditLatency.java <fhir base> <residents> <requests>; token in ONESHEET_TOKEN.
 */
public class AuditLatency {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int residents = Integer.parseInt(args[1]);
		int requests = Integer.parseInt(args[2]);
		HttpClient http = HttpClient.newHttpClient();
		Random random = new Random(7);
		for (String kind : List.of("read", "search")) {
			for (int i = 0; i < 50; i++) { // warm up
				call(http, url(base, kind, 1 + random.nextInt(residents)));
			}
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				long start = System.nanoTime();
				call(http, url(base, kind, 1 + random.nextInt(residents)));
				millis.add((System.nanoTime() - start) / 1e6);
			}
			Collections.sort(millis);
			System.out.printf("%-7s n=%d  p50 %.1f ms  p95 %.1f ms  mean %.1f ms%n", kind, requests,
					millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)),
					millis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
		}
	}

	private static String url(String base, String kind, int resident) {
		String patient = String.format("Patient/jmse-pat-%06d", resident);
		// _lastUpdated with a fresh value keeps HAPI's search cache out of the figures
		return kind.equals("read") ? base + "/" + patient
				: base + "/Observation?patient=" + patient + "&_count=50&_lastUpdated=le2100-01-01T00:00:00." + String.format("%03d", resident % 1000) + "Z";
	}

	private static void call(HttpClient http, String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + System.getenv("ONESHEET_TOKEN")).build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
	}
}
