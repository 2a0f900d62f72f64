package org.onesheet.record;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * Finds a resident's results that the whole group recognises (检查检验结果互认): final Observations and
 * DiagnosticReports of a LOINC-coded test, from any member, still inside the test's window. The patient may
 * be any clinic's registration or the golden record: the search follows the MDM links.
 */
@Component
public class RecognisedResults {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	private final DaoRegistry daos;
	private final RecognitionWindows windows;

	public RecognisedResults(DaoRegistry daos, RecognitionWindows windows) {
		this.daos = daos;
		this.windows = windows;
	}

	/** The results newest first; empty when the test has no recognition window. */
	public List<Resource> of(String patientReference, String loincCode, Instant now) {
		Optional<Duration> window = windows.of(loincCode);
		if (window.isEmpty()) {
			return List.of();
		}
		Date since = Date.from(now.minus(window.get()));
		List<Resource> results = new ArrayList<>();
		results.addAll(search(Observation.class, patientReference, loincCode, since,
				"final", "amended", "corrected"));
		results.addAll(search(DiagnosticReport.class, patientReference, loincCode, since,
				"final", "amended", "corrected", "appended"));
		results.sort(Comparator.comparing(RecognisedResults::effective, Comparator.nullsLast(Comparator.reverseOrder())));
		return results;
	}

	private List<Resource> search(Class<? extends Resource> type, String patient, String loincCode, Date since,
			String... statuses) {
		TokenOrListParam finalStatuses = new TokenOrListParam();
		for (String status : statuses) {
			finalStatuses.addOr(new TokenParam(status));
		}
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add("subject", new ReferenceParam(patient).setMdmExpand(true))
				.add("code", new TokenParam(Systems.LOINC, loincCode))
				.add("status", finalStatuses)
				.add("date", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, since));
		query.setSort(new SortSpec("date", SortOrderEnum.DESC));
		return daos.getResourceDao(type).search(query, new SystemRequestDetails()).getAllResources().stream()
				.map(Resource.class::cast).toList();
	}

	/** 已有互认结果：<clinic>，<date>，<value> — what a doctor reads before ordering the test again. */
	public String describe(Resource result) {
		Date effective = effective(result);
		return "已有互认结果：" + performer(result) + "，" + (effective == null ? "日期不详" : DAY.format(effective.toInstant()))
				+ "，" + value(result);
	}

	/** The same, in English, for the OperationOutcome's diagnostics. */
	public String describeInEnglish(Resource result) {
		Date effective = effective(result);
		return "a recognised result exists (" + result.getIdElement().toUnqualifiedVersionless().getValue() + " from "
				+ performer(result) + " on " + (effective == null ? "an unknown date" : DAY.format(effective.toInstant()))
				+ ": " + value(result) + ")";
	}

	static Date effective(Resource result) {
		if (result instanceof Observation observation && observation.hasEffectiveDateTimeType()) {
			return observation.getEffectiveDateTimeType().getValue();
		}
		if (result instanceof DiagnosticReport report && report.hasEffectiveDateTimeType()) {
			return report.getEffectiveDateTimeType().getValue();
		}
		return null;
	}

	private String performer(Resource result) {
		List<Reference> performers = result instanceof Observation observation ? observation.getPerformer()
				: ((DiagnosticReport) result).getPerformer();
		return performers.stream().filter(reference -> reference.getReference() != null
						&& reference.getReference().startsWith("Organization/"))
				.findFirst().map(this::organisationName).orElse("本医共体成员机构");
	}

	private String organisationName(Reference organisation) {
		try {
			return daos.getResourceDao(Organization.class)
					.read(new IdType(organisation.getReference()), new SystemRequestDetails()).getName();
		} catch (ResourceNotFoundException gone) {
			return organisation.hasDisplay() ? organisation.getDisplay() : organisation.getReference();
		}
	}

	private static String value(Resource result) {
		if (result instanceof Observation observation) {
			if (observation.hasValueQuantity()) {
				Quantity quantity = observation.getValueQuantity();
				return quantity.getValue().toPlainString() + " " + (quantity.hasUnit() ? quantity.getUnit() : quantity.getCode());
			}
			if (observation.hasValueStringType()) {
				return observation.getValueStringType().getValue();
			}
			if (observation.hasValueCodeableConcept()) {
				return observation.getValueCodeableConcept().hasText() ? observation.getValueCodeableConcept().getText()
						: observation.getValueCodeableConcept().getCodingFirstRep().getDisplay();
			}
			return observation.getCode().hasText() ? observation.getCode().getText() : "见报告";
		}
		DiagnosticReport report = (DiagnosticReport) result;
		return report.hasConclusion() ? report.getConclusion() : "见报告 (see the report)";
	}
}
