package org.onesheet.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.IValidationPolicyAdvisor;
import org.hl7.fhir.r5.utils.validation.IValidatorResourceFetcher;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The HL7 instance validator that HAPI's FhirInstanceValidator drives, with the same settings and the JPA
 * server's validation support (where the IG is installed), but kept in a small pool instead of built anew
 * for every resource. HAPI 8.8 builds one per validation, and each one parses the 1.5 MB OID registry
 * that ships inside the validator: measured here, that made a Patient write 20 times slower (9 instead of
 * 180 per second) and the garbage it leaves slowed every other write too. A validator is used by one thread
 * at a time (it is not thread-safe) and retired after {@value #USES_PER_VALIDATOR} validations, so that
 * whatever it caches stays small. No state here matters to another node.
 */
@Component
public class ProfileValidator {

	private static final int POOL_SIZE = 8;
	// The validator keeps what it parsed of the resources it checked (element trees, slicing state): at 2,000
	// uses, a bulk load's live heap held ~250,000 of its element nodes (over 1 GB live in all) and went from one
	// full collection to the next (README, Performance). A new validator parses the OID registry again (~0.1 s,
	// once per hundred validations).
	private static final int USES_PER_VALIDATOR = 100;

	private final FhirContext fhirContext;
	private final WorkerContextValidationSupportAdapter workerContext;
	private final IValidatorResourceFetcher resourceFetcher;
	private final IValidationPolicyAdvisor policyAdvisor;
	private final BlockingQueue<PooledValidator> idle = new ArrayBlockingQueue<>(POOL_SIZE);

	public ProfileValidator(FhirContext fhirContext, WorkerContextValidationSupportAdapter workerContext,
			@Qualifier("jpaValidatorResourceFetcher") IValidatorResourceFetcher resourceFetcher,
			@Qualifier("jpaValidatorPolicyAdvisor") IValidationPolicyAdvisor policyAdvisor) {
		this.fhirContext = fhirContext;
		this.workerContext = workerContext;
		this.resourceFetcher = resourceFetcher;
		this.policyAdvisor = policyAdvisor;
	}

	/** The validator's messages for the resource against the given profiles (and the base specification). */
	public List<ValidationMessage> validate(IBaseResource resource, List<String> profileUrls) {
		List<ValidationMessage> messages = new ArrayList<>();
		List<StructureDefinition> profiles = new ArrayList<>();
		for (String url : profileUrls) {
			StructureDefinition profile = workerContext.fetchResource(StructureDefinition.class, url);
			if (profile == null) {
				messages.add(new ValidationMessage().setLevel(ValidationMessage.IssueSeverity.ERROR)
						.setLocation(resource.fhirType() + ".meta.profile")
						.setMessage("未知的规范 (unknown profile: " + url + ")"));
			} else {
				profiles.add(profile);
			}
		}
		if (!messages.isEmpty()) {
			return messages;
		}
		byte[] json = fhirContext.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
		PooledValidator pooled = borrow();
		try {
			pooled.validator.validate(null, messages, new ByteArrayInputStream(json), FhirFormat.JSON, profiles);
		} finally {
			giveBack(pooled);
		}
		// As HAPI's ValidatorWrapper: a binding with no value set to check is not the sender's fault.
		messages.removeIf(message -> I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(message.getMessageId()));
		return messages;
	}

	private PooledValidator borrow() {
		PooledValidator pooled = idle.poll();
		return pooled != null ? pooled : new PooledValidator(newValidator());
	}

	private void giveBack(PooledValidator pooled) {
		if (++pooled.uses < USES_PER_VALIDATOR) {
			idle.offer(pooled); // a full pool drops it: the spare was only needed at a peak
		}
	}

	/** Settings as HAPI's JPA server configures its instance validator (ValidationSupportConfig). */
	private InstanceValidator newValidator() {
		InstanceValidator validator = new InstanceValidator(workerContext,
				new FhirInstanceValidator.NullEvaluationContext(), new XVerExtensionManagerOld(workerContext),
				new ValidatorSession(), new ValidatorSettings());
		validator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
		validator.setAnyExtensionsAllowed(true);
		validator.setResourceIdRule(IdStatus.OPTIONAL);
		validator.setErrorForUnknownProfiles(true);
		validator.setUnknownCodeSystemsCauseErrors(true);
		validator.setFetcher(resourceFetcher);
		validator.setPolicyAdvisor(policyAdvisor);
		validator.setAllowXsiLocation(true);
		return validator;
	}

	private static final class PooledValidator {
		final InstanceValidator validator;
		int uses;

		PooledValidator(InstanceValidator validator) {
			this.validator = validator;
		}
	}
}
