package org.onesheet.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Each step of a run appends its figures as one JSON line; {@link Report} turns the lines into the table. */
final class Results {

	private static final Gson GSON = new Gson();

	private Results() {
	}

	static void append(Path file, JsonObject result) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, GSON.toJson(result) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}
}
