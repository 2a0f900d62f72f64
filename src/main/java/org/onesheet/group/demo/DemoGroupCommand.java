package org.onesheet.group.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.onesheet.system.ChinaTime;

/**
 * {@code java -jar onesheet.jar generate-demo --patients 100000 --out target/demo}: writes the demo
 * county group to numbered transaction bundle files, for benchmarks and for loading elsewhere
 * ({@code curl -X POST -H 'Content-Type: application/fhir+json' --data-binary @0001-bundle.json .../fhir}).
 */
public final class DemoGroupCommand {

	public static final String NAME = "generate-demo";
	private static final String USAGE = "usage: generate-demo [--patients N] [--seed S] [--per-bundle N]"
			+ " [--as-of YYYY-MM-DD] [--referral-backlog N] [--out DIR]";

	private DemoGroupCommand() {
	}

	public static int run(String[] args) {
		long seed = DemoGroupGenerator.DEFAULT_SEED;
		int patients = DemoGroupGenerator.DEFAULT_PATIENTS;
		int perBundle = DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE;
		LocalDate asOf = LocalDate.now(ChinaTime.ZONE);
		Path out = Path.of("target", "demo-group");
		int backlog = 0;
		try {
			for (int i = 1; i < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--patients" -> patients = Integer.parseInt(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--per-bundle" -> perBundle = Integer.parseInt(value);
					case "--as-of" -> asOf = LocalDate.parse(value);
					case "--out" -> out = Path.of(value);
					case "--referral-backlog" -> backlog = Integer.parseInt(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (backlog > 0 && patients == 0) {
				throw new IllegalArgumentException("--referral-backlog needs residents to refer (--patients above 0)");
			}
		} catch (RuntimeException e) {
			System.err.println(e.getMessage() + "\n" + USAGE);
			return 2;
		}
		try {
			Files.createDirectories(out);
			int files = write(new DemoGroupGenerator(seed, patients, perBundle, asOf), backlog, out);
			System.out.printf("wrote %d bundles for %d patients (seed %d, as of %s) to %s%n", files, patients, seed,
					asOf, out.toAbsolutePath());
			return 0;
		} catch (IOException | UncheckedIOException e) {
			System.err.println("could not write bundles: " + e.getMessage());
			return 1;
		}
	}

	private static int write(DemoGroupGenerator generator, int backlog, Path out) {
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		AtomicInteger count = new AtomicInteger();
		Consumer<Bundle> toFile = bundle -> {
			Path file = out.resolve(String.format("%04d-bundle.json", count.incrementAndGet()));
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				parser.encodeResourceToWriter(bundle, writer);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
		generator.forEachBundle(toFile);
		generator.forEachReferralBacklogBundle(backlog, toFile);
		return count.get();
	}
}
