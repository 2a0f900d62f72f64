package org.onesheet.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.SearchParameter;
import org.springframework.stereotype.Component;

/**
 * Core search parameters that no workflow, page or integration of a county group searches by, retired in the
 * database: a SearchParameter at a core URL with status {@code retired} takes the place of HAPI's built-in one,
 * and HAPI stops writing its index rows. A blood-pressure Observation (two components) had about 7 of its 15
 * index rows for these combo-* and component-* parameters, and every AuditEvent (the most numerous resource:
 * one per resource written and per patient shown) 5 of its 17 for its entities' role and type. A search by one is
 * now answered 400 (unknown parameter). Clients search a reading by {@code code} and {@code patient}, and its
 * value with the {@code code-value-quantity} composite, which stays; the audit by {@code patient}, {@code agent},
 * {@code subtype}, {@code date} and {@code address}, which stay.
 */
@Component
public class UnusedSearchParameters {

	static final String CORE = "http://hl7.org/fhir/SearchParameter/";

	/** The composites before their components: a composite left active over a retired component is dropped with a warning. */
	static final List<String> RETIRED = List.of("Observation-combo-code-value-concept",
			"Observation-combo-code-value-quantity", "Observation-component-code-value-concept",
			"Observation-component-code-value-quantity", "Observation-combo-code", "Observation-combo-data-absent-reason",
			"Observation-combo-value-concept", "Observation-combo-value-quantity", "Observation-component-code",
			"Observation-component-data-absent-reason", "Observation-component-value-concept",
			"Observation-component-value-quantity", "AuditEvent-entity-role", "AuditEvent-entity-type");

	private final DaoRegistry daos;
	private final ISearchParamRegistry registry;

	public UnusedSearchParameters(DaoRegistry daos, ISearchParamRegistry registry) {
		this.daos = daos;
		this.registry = registry;
	}

	/**
	 * Stores the retired copies at the core ids and has HAPI read them before anything is indexed; returns how
	 * many it stored. On a database that has them all (every start after the first) it stores nothing and does
	 * not parse the core definitions (1.4 MB of JSON, 1.7 s cold). On a database indexed before, HAPI's reindex job
	 * then drops the old rows.
	 */
	int retire() {
		if (RETIRED.stream().noneMatch(this::isActive)) {
			return 0;
		}
		FhirContext fhir = daos.getSystemDao().getContext();
		List<IBaseResource> all = new DefaultProfileValidationSupport(fhir).fetchAllSearchParameters();
		Map<String, SearchParameter> core = (all == null ? List.<IBaseResource>of() : all).stream()
				.map(SearchParameter.class::cast).collect(Collectors.toMap(SearchParameter::getUrl, p -> p, (a, b) -> a));
		for (String id : RETIRED) {
			SearchParameter retired = Optional.ofNullable(core.get(CORE + id)).orElseThrow(() ->
					new IllegalStateException("no core SearchParameter " + id + " to retire")).copy();
			retired.setId(id);
			retired.setMeta(null);
			retired.setText(null);
			retired.setStatus(Enumerations.PublicationStatus.RETIRED);
			daos.getResourceDao(SearchParameter.class).update(retired, new SystemRequestDetails());
		}
		registry.forceRefresh();
		return RETIRED.size();
	}

	/** {@code Observation-combo-code}: is Observation's combo-code still searched and indexed? */
	private boolean isActive(String id) {
		int dash = id.indexOf('-');
		return registry.getActiveSearchParam(id.substring(0, dash), id.substring(dash + 1)) != null;
	}
}
