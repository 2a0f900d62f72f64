package org.onesheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.utilities.npm.NpmPackage;

/** The examples of the IG package the build put on the classpath (the same package the server loads). */
public final class ImplementationGuideExamples {

	public static final String PACKAGE_ON_CLASSPATH = "/ig/onesheet.fhir.ig.tgz";

	/** One example: its file name in the package and its JSON. */
	public record Example(String fileName, String json) {
		@Override
		public String toString() {
			return fileName;
		}
	}

	private ImplementationGuideExamples() {
	}

	public static NpmPackage load() {
		try (InputStream in = ImplementationGuideExamples.class.getResourceAsStream(PACKAGE_ON_CLASSPATH)) {
			if (in == null) {
				throw new IllegalStateException(PACKAGE_ON_CLASSPATH + " is missing: run the Maven build (ig/build.sh)");
			}
			return NpmPackage.fromPackage(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static List<Example> all() {
		NpmPackage ig = load();
		List<Example> examples = new ArrayList<>();
		try {
			for (String name : ig.list("example")) {
				try (InputStream in = ig.load("example", name)) {
					examples.add(new Example(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return examples;
	}
}
