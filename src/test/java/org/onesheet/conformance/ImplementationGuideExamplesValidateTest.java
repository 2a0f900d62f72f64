package org.onesheet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.validation.ValidationEngine;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onesheet.support.ImplementationGuideExamples;
import org.onesheet.support.ImplementationGuideExamples.Example;

/**
 * The independent check: every example of the IG passes the HL7 validator engine (the one behind the IG
 * Publisher), offline, with the core definitions from the package cache ig/build.sh made under target/.
 */
class ImplementationGuideExamplesValidateTest {

	private static final Path PACKAGE_CACHE_HOME = Path.of("target", "fhir-home").toAbsolutePath();

	private static ValidationEngine engine;

	@BeforeAll
	static void startEngine() throws Exception {
		assertThat(PACKAGE_CACHE_HOME.resolve(".fhir/packages/hl7.fhir.r4.core#4.0.1/package/package.json"))
				.as("package cache built by ig/build.sh").exists();
		// The engine reads its package cache from ${user.home}/.fhir/packages and offers no other way in;
		// point it at target/ for the time it loads, so the user's own ~/.fhir is never read or written.
		String userHome = System.getProperty("user.home");
		System.setProperty("user.home", PACKAGE_CACHE_HOME.toString());
		try {
			engine = new ValidationEngine.ValidationEngineBuilder()
					.withVersion("4.0.1")
					.withNoTerminologyServer()
					.fromSource("hl7.fhir.r4.core#4.0.1");
			Path ig = Files.createTempFile("onesheet-ig", ".tgz");
			Files.write(ig, new ImplementationGuidePackage().bytes());
			engine.getIgLoader().loadIg(engine.getIgs(), engine.getBinaries(), ig.toString(), true);
			// Examples refer to each other as Patient/ex-pat-zhao and so on, as on a server: take such a
			// reference's type from its URL. That the targets exist is checked by posting the examples.
			engine.setAssumeValidRestReferences(true);
			engine.setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(
					ReferenceValidationPolicy.CHECK_TYPE_IF_EXISTS, null));
			engine.prepare();
		} finally {
			System.setProperty("user.home", userHome);
		}
	}

	static Stream<Example> examples() {
		return ImplementationGuideExamples.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyExampleValidates(Example example) throws Exception {
		OperationOutcome outcome = validate(example.json());

		assertThat(errors(outcome)).as(example.fileName()).isEmpty();
	}

	/** The check above can fail: the same engine finds a profile's fault in an otherwise valid example. */
	@Test
	void theValidatorRejectsAReferralWithoutPerformer() throws Exception {
		List<Example> referrals = examples()
				.filter(example -> example.json().contains("StructureDefinition/referral-service-request"))
				.toList();
		assertThat(referrals).hasSizeGreaterThanOrEqualTo(2);
		for (Example referral : referrals) {
			String withoutPerformer = referral.json().replaceAll("\"performer\"\\s*:\\s*\\[[^\\]]*\\]\\s*,?", "");

			assertThat(errors(validate(withoutPerformer))).as(referral.fileName())
					.anyMatch(message -> message.contains("ServiceRequest.performer"));
		}
	}

	private static OperationOutcome validate(String json) throws Exception {
		return engine.validate(json.getBytes(StandardCharsets.UTF_8), FhirFormat.JSON, List.of(), new ArrayList<>());
	}

	private static List<String> errors(OperationOutcome outcome) {
		return outcome.getIssue().stream()
				.filter(issue -> issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL)
				.map(issue -> issue.getExpressionOrLocation() + ": " + issue.getDetails().getText())
				.toList();
	}
}
