package org.onesheet.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.mdm.util.MdmResourceUtil;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * Holds every write to the IG's profiles: a resource that declares a OneSheet profile in
 * {@code meta.profile}, or must meet one anyway ({@link ImpliedProfiles}, which also declares it), is
 * validated by HAPI's instance validator before it is stored; an error is a 422 carrying the validator's
 * issues, and nothing is written (inside a transaction, nothing of the bundle).
 *
 * <p>Why not HAPI's RepositoryValidatingInterceptor: it chooses resources by type alone, so it would validate
 * every DiagnosticReport and Task against the base specification too (slowing the writes the IG does not
 * profile), cannot single out referral ServiceRequests, and answers 412 rather than 422. The validation
 * itself is the HL7 instance validator HAPI uses, with the JPA server's validation support where the IG
 * is installed ({@link ProfileValidator}).
 *
 * <p>Runs after the other storage rules (order {@value #ORDER}) so that their messages, which name the field
 * in Chinese and English, come first, and so that values the server fills in are there to be checked.
 */
@Component
@Interceptor
public class ProfileEnforcement {

	static final int ORDER = 100;

	/**
	 * LOINC, SNOMED CT and ICD-10 are not shipped with the server (size and licences), so their codes cannot be
	 * looked up and the validator reports each as an error; the HL7 validator, and we, take that as a warning.
	 * Codes of these systems are still held to the IG's value sets where those enumerate them, and ICD-10
	 * codes of the 2+3 package to their pattern by invariant.
	 */
	private static final String UNKNOWN_CODE_SYSTEM = "CodeSystem is unknown and can't be validated";

	private final ProfileValidator validator;
	private final ImpliedProfiles impliedProfiles;

	public ProfileEnforcement(ProfileValidator validator, ImpliedProfiles impliedProfiles,
			ConformanceProperties properties, IInterceptorService storageInterceptors) {
		this.validator = validator;
		this.impliedProfiles = impliedProfiles;
		if (properties.enforceProfiles()) {
			storageInterceptors.registerInterceptor(this);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(IBaseResource resource, TransactionDetails transaction) {
		enforce(resource, transaction);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
		enforce(resource, transaction);
	}

	void enforce(IBaseResource resource, TransactionDetails transaction) {
		if (MdmResourceUtil.isGoldenRecord(resource)) {
			// MDM writes golden records itself from registrations that passed; it keeps only the resident ID.
			return;
		}
		impliedProfiles.of(resource, transaction).filter(profile -> !declares(resource, profile))
				.ifPresent(profile -> resource.getMeta().addProfile(profile));
		List<String> ours = resource.getMeta().getProfile().stream().map(IPrimitiveType::getValue)
				.filter(profile -> profile != null && profile.startsWith(Systems.PROFILE_PREFIX)).toList();
		if (ours.isEmpty()) {
			return;
		}
		List<ValidationMessage> messages = validator.validate(resource, ours);
		long errors = messages.stream().filter(ProfileEnforcement::isError).count();
		if (errors > 0) {
			OperationOutcome outcome = outcome(messages, ours, errors);
			OperationOutcome.OperationOutcomeIssueComponent first = outcome.getIssue().get(1);
			throw new UnprocessableEntityException(outcome.getIssueFirstRep().getDiagnostics() + "; first: "
					+ first.getExpression() + " " + first.getDiagnostics(), outcome);
		}
	}

	private static OperationOutcome outcome(List<ValidationMessage> messages, List<String> profiles, long errors) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID)
				.setDiagnostics("资源不符合 OneSheet 规范 (the resource does not conform to " + String.join(", ", profiles)
						+ "): " + errors + (errors == 1 ? " error" : " errors"));
		messages.stream()
				.filter(message -> isError(message) || message.getLevel() == ValidationMessage.IssueSeverity.WARNING
						|| String.valueOf(message.getMessage()).startsWith(UNKNOWN_CODE_SYSTEM))
				.sorted(Comparator.comparing((ValidationMessage message) -> !isError(message)))
				.forEach(message -> outcome.addIssue()
						.setSeverity(isError(message) ? IssueSeverity.ERROR : IssueSeverity.WARNING)
						.setCode(IssueType.PROCESSING)
						.setDiagnostics(message.getMessage())
						.addExpression(message.getLocation()));
		return outcome;
	}

	private static boolean isError(ValidationMessage message) {
		return message.isError() && !String.valueOf(message.getMessage()).startsWith(UNKNOWN_CODE_SYSTEM);
	}

	private static boolean declares(IBaseResource resource, String profile) {
		return resource.getMeta().getProfile().stream().anyMatch(declared -> profile.equals(declared.getValue()));
	}
}
