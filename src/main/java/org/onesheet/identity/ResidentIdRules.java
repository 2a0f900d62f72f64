package org.onesheet.identity;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * What a profile cannot say about the resident ID (居民身份证号): its GB 11643 check digit, and that the
 * birth date and sex it encodes agree with the Patient's {@code birthDate} and {@code gender}.
 *
 * <p>Enforced before storage on every create and update, whether it comes over REST, inside a transaction
 * (which then writes nothing) or from the server itself; a violation is 422 with one issue per fault,
 * each pointing at the field.
 */
@Component
@Interceptor
public class ResidentIdRules {

	public ResidentIdRules(IInterceptorService storageInterceptors) {
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource) {
		check(resource);
	}

	private static void check(IBaseResource resource) {
		if (!(resource instanceof Patient patient)) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		List<Identifier> identifiers = patient.getIdentifier();
		for (int i = 0; i < identifiers.size(); i++) {
			if (Systems.RESIDENT_ID.equals(identifiers.get(i).getSystem())) {
				checkOne(patient, new ResidentId(identifiers.get(i).getValue()), i, outcome);
			}
		}
		if (outcome.hasIssue()) {
			throw new UnprocessableEntityException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
		}
	}

	private static void checkOne(Patient patient, ResidentId id, int index, OperationOutcome outcome) {
		var problem = id.problem();
		if (problem.isPresent()) {
			addIssue(outcome, problem.get(), "Patient.identifier[" + index + "].value");
			return;
		}
		LocalDate encoded = id.birthDate().orElseThrow();
		if (patient.hasBirthDateElement() && patient.getBirthDateElement().getPrecision()
				== TemporalPrecisionEnum.DAY) {
			LocalDate stated = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
			if (!stated.equals(encoded)) {
				addIssue(outcome, "身份证号与出生日期不一致 (resident ID encodes birth date " + encoded
						+ " but birthDate is " + stated + ")", "Patient.birthDate");
			}
		}
		AdministrativeGender encodedGender =
				id.sex() == ResidentId.Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE;
		if ((patient.getGender() == AdministrativeGender.MALE || patient.getGender() == AdministrativeGender.FEMALE)
				&& patient.getGender() != encodedGender) {
			addIssue(outcome, "身份证号与性别不一致 (resident ID digit 17 says " + encodedGender.toCode()
					+ " but gender is " + patient.getGender().toCode() + ")", "Patient.gender");
		}
	}

	private static void addIssue(OperationOutcome outcome, String diagnostics, String expression) {
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.INVALID)
				.setDiagnostics(diagnostics)
				.addExpression(expression);
	}
}
