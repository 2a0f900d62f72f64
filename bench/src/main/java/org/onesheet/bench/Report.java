package org.onesheet.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Prints one table of a run (loads, then each read at each size and client count, with the stock HAPI
 * starter's figures and the targets beside them) and writes it as JSON with the machine, versions and settings.
 * Usage: report RESULTS.jsonl SETTINGS.properties OUT.json
 */
final class Report {

	/** The stock HAPI JPA starter 8.8.0 on PostgreSQL 15, 8 clients, this kind of machine (the table). */
	private static final Map<String, String> STOCK = Map.of(
			"resident-ID lookup", "63 / 102",
			"Observation?patient&_count=50", "220 / 322",
			"$everything, first page", "230 / 422");
	private static final Map<String, String> TARGET = Map.of(
			"resident-ID lookup", "p95 ≤ 25",
			"Observation?patient&_count=50", "p95 ≤ 60",
			"$everything, first page", "p95 ≤ 100",
			"referral inbox", "p95 ≤ 50",
			"reading worklist", "p95 ≤ 50");

	private Report() {
	}

	static void run(String[] args) throws Exception {
		List<JsonObject> lines = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				lines.add(JsonParser.parseString(line).getAsJsonObject());
			}
		}
		Properties settings = new Properties();
		settings.load(new StringReader(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)));
		printLoads(lines);
		printReads(lines);
		JsonObject out = new JsonObject();
		JsonObject machine = new JsonObject();
		settings.stringPropertyNames().stream().sorted().forEach(key -> machine.addProperty(key, settings.getProperty(key)));
		out.add("settings", machine);
		JsonArray results = new JsonArray();
		lines.forEach(results::add);
		out.add("results", results);
		Files.writeString(Path.of(args[2]), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
		System.out.println("\nwritten " + args[2] + " (" + lines.size() + " results; settings: "
				+ settings.getProperty("database", "?") + ", " + settings.getProperty("machine.cpus", "?") + " cores)");
	}

	private static void printLoads(List<JsonObject> lines) {
		System.out.printf("%n%-34s %10s %8s %8s %8s %12s%n", "load", "resources", "bundles", "clients", "seconds", "resources/s");
		for (JsonObject line : lines) {
			if ("load".equals(string(line, "kind"))) {
				System.out.printf("%-34s %10d %8d %8d %8.0f %12d%n", string(line, "label"), line.get("resources").getAsInt(),
						line.get("bundles").getAsInt(), line.get("clients").getAsInt(), line.get("seconds").getAsDouble(),
						line.get("per_second").getAsLong());
			}
		}
		System.out.printf("%-34s %10s %8s %8s %8s %12s%n", "stock HAPI starter (issue's table)", "45270", "57", "4", "", "360");
	}

	private static void printReads(List<JsonObject> lines) {
		Set<String> labels = new LinkedHashSet<>();
		Map<String, Map<String, String>> cells = new LinkedHashMap<>(); // "query|clients" -> label -> "p50 / p95"
		for (JsonObject line : lines) {
			if (!"read".equals(string(line, "kind"))) {
				continue;
			}
			labels.add(string(line, "label"));
			cells.computeIfAbsent(string(line, "query") + "|" + line.get("clients").getAsInt(), key -> new LinkedHashMap<>())
					.put(string(line, "label"), String.format("%.0f / %.0f", line.get("p50_ms").getAsDouble(), line.get("p95_ms").getAsDouble()));
		}
		if (cells.isEmpty()) {
			return;
		}
		StringBuilder header = new StringBuilder(String.format("%n%-44s %3s", "read, p50 / p95 ms", "C"));
		labels.forEach(label -> header.append(String.format(" %14s", label)));
		header.append(String.format(" %14s %12s", "stock, C=8", "target"));
		System.out.println(header);
		cells.forEach((key, byLabel) -> {
			String[] parts = key.split("\\|");
			StringBuilder row = new StringBuilder(String.format("%-44s %3s", parts[0], parts[1]));
			labels.forEach(label -> row.append(String.format(" %14s", byLabel.getOrDefault(label, ""))));
			boolean eight = "8".equals(parts[1]);
			row.append(String.format(" %14s %12s", eight ? STOCK.getOrDefault(parts[0], "") : "",
					parts[0].startsWith("$evaluate") ? "≤ 2000" : TARGET.getOrDefault(parts[0], "")));
			System.out.println(row);
		});
	}

	private static String string(JsonObject line, String key) {
		JsonElement value = line.get(key);
		return value == null ? "" : value.getAsString();
	}
}
