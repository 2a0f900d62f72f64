package org.onesheet.referral;

import org.onesheet.system.StoredResources;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.onesheet.identity.Systems;
import org.onesheet.system.ResponseWarnings;
import org.springframework.stereotype.Component;

/**
 * 用药衔接: a downward referral's MedicationRequests (in {@code supportingInfo}) are checked against the
 * receiving organisation's formulary, and each medicine not stocked there gets a warning in the response
 * naming stocked substitutes of the same ATC class. A warning, not a refusal: the township doctor decides
 * whether to switch, and the referral must not be held up by it.
 */
@Component
@Interceptor
public class MedicationContinuity {

	private final DaoRegistry daos;

	public MedicationContinuity(DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(RequestDetails request, IBaseResource resource) {
		if (resource instanceof ServiceRequest referral && ReferralCategory.isDownwardReferral(referral)) {
			check(request, referral);
		}
	}

	private void check(RequestDetails request, ServiceRequest referral) {
		if (referral.getSupportingInfo().stream().noneMatch(MedicationContinuity::isPrescription)) {
			return;
		}
		String receiving = referral.getPerformerFirstRep().getReferenceElement().getIdPart();
		Optional<Formulary> formulary = formularyOf(receiving);
		if (formulary.isEmpty()) {
			ResponseWarnings.add(request, referral, ResponseWarnings.issue(OperationOutcome.IssueSeverity.INFORMATION,
					"接收机构未登记药品目录，未核对用药衔接 (Organization/" + receiving
							+ " has no formulary List on file: the medication list was not checked)", "ServiceRequest.performer"));
			return;
		}
		for (int i = 0; i < referral.getSupportingInfo().size(); i++) {
			Reference info = referral.getSupportingInfo().get(i);
			String where = "ServiceRequest.supportingInfo[" + i + "]";
			if (isPrescription(info)) {
				medicationOf(info).ifPresent(drug -> warnIfNotStocked(request, referral, formulary.get(), drug, where));
			}
		}
	}

	private static boolean isPrescription(Reference info) {
		return info.getResource() instanceof MedicationRequest
				|| (info.getReference() != null && "MedicationRequest".equals(new IdType(info.getReference()).getResourceType()));
	}

	private void warnIfNotStocked(RequestDetails request, ServiceRequest referral, Formulary formulary,
			CodeableConcept drug, String where) {
		Optional<Coding> atc = drug.getCoding().stream().filter(coding -> Systems.ATC.equals(coding.getSystem())).findFirst();
		String name = drug.hasText() ? drug.getText() : drug.getCodingFirstRep().getDisplay();
		if (atc.isEmpty()) {
			ResponseWarnings.add(request, referral, ResponseWarnings.issue(OperationOutcome.IssueSeverity.INFORMATION,
					"药品未标注ATC编码，无法核对 (" + name + " has no WHO ATC code: it could not be checked against "
							+ formulary.title() + ")", where));
			return;
		}
		String code = atc.get().getCode();
		if (formulary.stocks(code)) {
			return;
		}
		String substitutes = formulary.substitutesFor(code)
				.map(found -> "同类可替代 (stocked in ATC class " + found.getKey() + "): " + String.join("、", found.getValue()))
				.orElse("无同类药品 (nothing of its ATC class is stocked there)");
		ResponseWarnings.add(request, referral, ResponseWarnings.issue(OperationOutcome.IssueSeverity.WARNING,
				formulary.title() + "未收录 " + name + " (" + code + ")；" + substitutes + " (" + name + ", ATC " + code
						+ ", is not stocked at Organization/" + formulary.organization() + ")", where));
	}

	private Optional<CodeableConcept> medicationOf(Reference info) {
		Optional<MedicationRequest> prescription = info.getResource() instanceof MedicationRequest attached
				? Optional.of(attached) : StoredResources.find(daos, MedicationRequest.class, info.getReference());
		if (prescription.isEmpty()) {
			return Optional.empty(); // referential integrity reports it
		}
		if (prescription.get().hasMedicationCodeableConcept()) {
			return Optional.of(prescription.get().getMedicationCodeableConcept());
		}
		Reference medication = prescription.get().getMedicationReference();
		Optional<Medication> product = medication.getResource() instanceof Medication attached ? Optional.of(attached)
				: StoredResources.find(daos, Medication.class, medication.getReference());
		return product.map(Medication::getCode);
	}

	private Optional<Formulary> formularyOf(String organizationId) {
		SearchParameterMap byOrganization = SearchParameterMap.newSynchronous()
				.add(ListResource.SP_IDENTIFIER, new TokenParam(Systems.FORMULARY, organizationId));
		Optional<ListResource> list = daos.getResourceDao(ListResource.class)
				.search(byOrganization, new SystemRequestDetails()).getAllResources().stream()
				.map(ListResource.class::cast).findFirst();
		if (list.isEmpty()) {
			return Optional.empty();
		}
		TokenOrListParam ids = new TokenOrListParam();
		list.get().getEntry().forEach(entry -> ids.addOr(new TokenParam(entry.getItem().getReferenceElement().getIdPart())));
		Map<String, String> stocked = new LinkedHashMap<>();
		if (!ids.getValuesAsQueryTokens().isEmpty()) {
			daos.getResourceDao(Medication.class)
					.search(SearchParameterMap.newSynchronous().add("_id", ids), new SystemRequestDetails())
					.getAllResources().stream().map(Medication.class::cast)
					.forEach(medication -> medication.getCode().getCoding().stream()
							.filter(coding -> Systems.ATC.equals(coding.getSystem())).findFirst()
							.ifPresent(coding -> stocked.put(coding.getCode(), medication.getCode().hasText()
									? medication.getCode().getText() : coding.getDisplay())));
		}
		return Optional.of(new Formulary(organizationId, list.get().getTitle(), stocked));
	}
}
