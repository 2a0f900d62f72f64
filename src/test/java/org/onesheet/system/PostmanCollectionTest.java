package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the Postman collection an integrator imports (ig/postman) with newman against the running server,
 * so every request and assertion in it is known to work. The build installs newman with {@code npm ci}.
 */
@H2ServerTest
class PostmanCollectionTest {

	private static final Path IG = Path.of("ig");

	@LocalServerPort
	int port;

	@Test
	void everyRequestInTheCollectionPassesItsTests() throws IOException, InterruptedException {
		Path newman = IG.resolve("node_modules/newman/bin/newman.js");
		assertThat(newman).as("newman is installed by the build (npm ci in ig/)").exists();
		Path report = Files.createTempFile("newman", ".log");
		Process process = new ProcessBuilder(List.of("node", newman.toString(), "run",
				IG.resolve("postman/onesheet.postman_collection.json").toString(),
				"--environment", IG.resolve("postman/local.postman_environment.json").toString(),
				"--env-var", "baseUrl=" + new FhirEndpoint(port).base(),
				"--color", "off", "--disable-unicode"))
				.redirectErrorStream(true)
				.redirectOutput(report.toFile())
				.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("newman finished").isTrue();
		String output = Files.readString(report, StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(output).contains("assertions");
		assertThat(process.exitValue()).as("newman exit code; its report:%n%s", output).isZero();
	}
}
