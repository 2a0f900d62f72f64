package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * A patient's recent readings of the graded measures, from every clinic's registration of the patient (the
 * search follows the MDM links): the newest {@value #DEPTH} Observations, enough to judge the latest reading
 * and the one four weeks before it.
 */
@Component
public class ReadingHistory {

	static final int DEPTH = 60;

	private final DaoRegistry daos;

	public ReadingHistory(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The readings, with those of {@code arriving} (Observations being written now) counted once. */
	public List<Reading> of(String patientReference, Collection<String> loincCodes, Collection<Observation> arriving) {
		TokenOrListParam codes = new TokenOrListParam();
		loincCodes.forEach(code -> codes.add(Systems.LOINC, code));
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Observation.SP_SUBJECT, new ReferenceParam(patientReference).setMdmExpand(true))
				.add(Observation.SP_CODE, codes)
				.add(Observation.SP_STATUS, new TokenOrListParam().add("final").add("amended").add("corrected"));
		query.setSort(new SortSpec(Observation.SP_DATE, SortOrderEnum.DESC));
		query.setCount(DEPTH);
		Map<String, Reading> readings = new LinkedHashMap<>();
		for (Object found : daos.getResourceDao(Observation.class).search(query, new SystemRequestDetails()).getAllResources()) {
			Reading.of((Observation) found).forEach(reading -> readings.put(reading.source() + "|" + reading.loinc(), reading));
		}
		// The arriving ones may not be visible to the search yet, and an update replaces the stored version.
		arriving.forEach(observation -> Reading.of(observation)
				.forEach(reading -> readings.put(reading.source() + "|" + reading.loinc(), reading)));
		return List.copyOf(readings.values());
	}
}
