package org.onesheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.onesheet.conformance.ImplementationGuidePackage;

/** The examples of the IG package the build put on the classpath, read as the server reads it. */
public final class ImplementationGuideExamples {

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
		return new ImplementationGuidePackage().npm();
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
