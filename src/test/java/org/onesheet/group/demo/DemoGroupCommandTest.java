package org.onesheet.group.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGroupCommandTest {

	@Test
	void writesNumberedTransactionBundlesInUtf8(@TempDir Path out) throws IOException {
		int exit = DemoGroupCommand.run(new String[] {
			DemoGroupCommand.NAME, "--patients", "120", "--per-bundle", "50", "--as-of", "2026-11-25", "--out", out.toString()
		});

		assertThat(exit).isZero();
		try (Stream<Path> files = Files.list(out)) {
			// organisations, the neighbour group, staff, green-channel capacity, formularies, then 50 + 50 + 20
			// residents' first registrations, then the later registrations of the same three chunks
			assertThat(files.map(f -> f.getFileName().toString()).sorted())
					.containsExactly("0001-bundle.json", "0002-bundle.json", "0003-bundle.json", "0004-bundle.json",
							"0005-bundle.json", "0006-bundle.json", "0007-bundle.json", "0008-bundle.json",
							"0009-bundle.json", "0010-bundle.json", "0011-bundle.json");
		}
		assertThat(Files.readString(out.resolve("0006-bundle.json"))).doesNotContain("-zy\"", "-ls\"");
		assertThat(Files.readString(out.resolve("0009-bundle.json"))).contains("-zy\"", "-ls\"");
		String first = Files.readString(out.resolve("0001-bundle.json"), StandardCharsets.UTF_8);
		assertThat(first).contains("吉木萨尔县总医院");
		Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, first);
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
	}

	@Test
	void aReferralBacklogComesAfterTheGroupInBundlesOfItsOwn(@TempDir Path out) throws IOException {
		int exit = DemoGroupCommand.run(new String[] {
			DemoGroupCommand.NAME, "--patients", "120", "--per-bundle", "50", "--as-of", "2026-11-25",
			"--referral-backlog", "120", "--out", out.toString()
		});

		assertThat(exit).isZero();
		// the group's 11 Bundles as above, then 50 + 50 + 20 referrals
		assertThat(Files.readString(out.resolve("0011-bundle.json"))).doesNotContain("-ref-bl-");
		Bundle last = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
				Files.readString(out.resolve("0014-bundle.json")));
		assertThat(last.getEntry()).hasSize(40);
		assertThat(last.getEntry().get(39).getFullUrl()).endsWith("Task/jmse-pat-000120-ref-bl-120-task");
		assertThat(out.resolve("0015-bundle.json")).doesNotExist();
	}

	@Test
	void anUnknownOptionIsAUsageError(@TempDir Path out) {
		assertThat(DemoGroupCommand.run(new String[] {DemoGroupCommand.NAME, "--patient", "5", "--out", out.toString()}))
				.isEqualTo(2);
	}

	@Test
	void aBacklogWithoutResidentsIsAUsageError(@TempDir Path out) {
		assertThat(DemoGroupCommand.run(new String[] {DemoGroupCommand.NAME, "--patients", "0", "--referral-backlog", "10",
				"--out", out.toString()})).isEqualTo(2);
	}
}
