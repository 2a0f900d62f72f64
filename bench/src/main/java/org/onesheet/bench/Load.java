package org.onesheet.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Loads a folder of transaction bundles into a running OneSheet and reports resources per second. The bundles
 * that others refer to (Synthea's hospitals and practitioners, the demo group's directory) go first, one at a
 * time; the rest are shared among C concurrent clients, each posting whole bundles as an integration engine
 * would. Synthea's Patients are made residents first ({@link SyntheaResidents}).
 * Usage: load BASE CLIENTS FOLDER LABEL RESULTS.jsonl [serial-first=N]
 */
final class Load {

	private Load() {
	}

	static void run(String[] args) throws Exception {
		FhirClient fhir = FhirClient.forGroupAdministrator(args[0]);
		int clients = Integer.parseInt(args[1]);
		Path folder = Path.of(args[2]);
		String label = args[3];
		Path results = Path.of(args[4]);
		int serialFirst = args.length > 5 ? Integer.parseInt(args[5]) : 1;
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter(file -> file.toString().endsWith(".json")).sorted(Comparator.comparing(Load::rank)
					.thenComparing(Path::toString)).toList();
		}
		AtomicInteger resources = new AtomicInteger();
		long start = System.nanoTime();
		for (Path file : files.subList(0, Math.min(serialFirst, files.size()))) {
			resources.addAndGet(post(fhir, file));
		}
		List<Path> rest = files.subList(Math.min(serialFirst, files.size()), files.size());
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < rest.size(); i = next.getAndIncrement()) {
					resources.addAndGet(post(fhir, rest.get(i)));
				}
				return null;
			}));
		}
		try {
			for (Future<?> worker : workers) {
				worker.get();
			}
		} finally {
			pool.shutdownNow();
		}
		double answered = (System.nanoTime() - start) / 1e9;
		// The server queues a write's audit events in its transaction and stores them as AuditEvents just after
		// (security/AuditQueueDrain); an audit read stores all that is queued first. The load counts until then,
		// so that the rate is one the server keeps up with, not one that leaves a backlog behind.
		fhir.get("AuditEvent?_count=1");
		double seconds = (System.nanoTime() - start) / 1e9;
		double perSecond = resources.get() / seconds;
		System.out.printf("loaded %s: %d resources in %d bundles, %d clients, %.0f s (last answer after %.0f s): %.0f resources/s%n",
				label, resources.get(), files.size(), clients, seconds, answered, perSecond);
		JsonObject result = new JsonObject();
		result.addProperty("kind", "load");
		result.addProperty("label", label);
		result.addProperty("resources", resources.get());
		result.addProperty("bundles", files.size());
		result.addProperty("clients", clients);
		result.addProperty("seconds", Math.round(seconds * 10) / 10.0);
		result.addProperty("seconds_to_last_answer", Math.round(answered * 10) / 10.0);
		result.addProperty("per_second", Math.round(perSecond));
		Results.append(results, result);
	}

	/** Synthea writes hospitals and practitioners to their own files, which every patient's bundle refers to. */
	private static int rank(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith("hospitalInformation") ? 0 : name.startsWith("practitionerInformation") ? 1 : 2;
	}

	private static int post(FhirClient fhir, Path file) throws Exception {
		JsonObject bundle = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
		SyntheaResidents.adapt(bundle);
		fhir.transaction(bundle.toString());
		return bundle.getAsJsonArray("entry").size();
	}
}
