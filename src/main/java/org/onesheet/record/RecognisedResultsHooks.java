package org.onesheet.record;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.CdsService;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionJson;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * CDS Hooks services an EMR calls while a doctor orders (order-select) and signs (order-sign): for each drafted
 * ServiceRequest whose test has a recognised result in the group, a card "已有互认结果：<clinic>，<date>，<value>"
 * suggesting to drop the order. Served by HAPI's CDS Hooks module at {@code /cds-services}.
 */
@Component
public class RecognisedResultsHooks {

	public static final String ON_SELECT = "recognised-results-order-select";
	public static final String ON_SIGN = "recognised-results-order-sign";
	private static final String SOURCE = "OneSheet 检查检验结果互认 (results mutual recognition)";

	private final RecognisedResults results;
	private final RecognitionWindows windows;

	public RecognisedResultsHooks(RecognisedResults results, RecognitionWindows windows) {
		this.results = results;
		this.windows = windows;
	}

	@CdsService(value = ON_SELECT, hook = "order-select", title = "检查检验结果互认 (recognised results)",
			description = "Cards for drafted orders whose test already has a result recognised across the county group",
			prefetch = {})
	public CdsServiceResponseJson orderSelect(CdsServiceRequestJson request) {
		return cards(request);
	}

	@CdsService(value = ON_SIGN, hook = "order-sign", title = "检查检验结果互认 (recognised results)",
			description = "Cards, before signing, for orders whose test already has a result recognised across the county group",
			prefetch = {})
	public CdsServiceResponseJson orderSign(CdsServiceRequestJson request) {
		return cards(request);
	}

	private CdsServiceResponseJson cards(CdsServiceRequestJson request) {
		String patientId = request.getContext() == null ? null : request.getContext().getString("patientId");
		if (patientId == null || patientId.isBlank()) {
			throw new InvalidRequestException("context.patientId is required (缺少患者标识)");
		}
		String patient = patientId.startsWith("Patient/") ? patientId : "Patient/" + patientId;
		CdsServiceResponseJson response = new CdsServiceResponseJson();
		for (ServiceRequest order : draftOrders(request)) {
			Optional<Coding> test = windows.recognisable(order.getCode());
			if (test.isEmpty()) {
				continue;
			}
			List<Resource> found = results.of(patient, test.get().getCode(), Instant.now());
			if (!found.isEmpty()) {
				response.addCard(card(order, found));
			}
		}
		return response;
	}

	private CdsServiceResponseCardJson card(ServiceRequest order, List<Resource> found) {
		Resource newest = found.get(0);
		String test = order.getCode().hasText() ? order.getCode().getText() : order.getCode().getCodingFirstRep().getDisplay();
		CdsServiceResponseCardJson card = new CdsServiceResponseCardJson()
				.setUuid(UUID.randomUUID().toString())
				.setSummary(results.describe(newest))
				.setDetail((test == null ? "" : test + "：") + results.describeInEnglish(newest)
						+ (found.size() > 1 ? "; " + (found.size() - 1) + " more within the window" : ""))
				.setIndicator(CdsServiceIndicatorEnum.WARNING)
				.setSource(new CdsServiceResponseCardSourceJson().setLabel(SOURCE));
		CdsServiceResponseSuggestionJson drop = new CdsServiceResponseSuggestionJson()
				.setLabel("撤销此医嘱，采用互认结果 (drop the order, use the recognised result)")
				.setUuid(UUID.randomUUID().toString())
				.setRecommended(true);
		drop.addAction(new CdsServiceResponseSuggestionActionJson().setType("delete")
				.setDescription("remove the drafted " + order.getIdElement().toUnqualifiedVersionless().getValue())
				.setResource(order));
		card.addSuggestion(drop);
		return card;
	}

	private static List<ServiceRequest> draftOrders(CdsServiceRequestJson request) {
		Object orders = request.getContext().get("draftOrders");
		if (orders instanceof Bundle bundle) {
			return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast).toList();
		}
		if (orders instanceof IBaseResource || orders == null) {
			throw new InvalidRequestException("context.draftOrders must be a Bundle of the drafted orders (待开医嘱)");
		}
		throw new InvalidRequestException("context.draftOrders must be a FHIR Bundle");
	}
}
