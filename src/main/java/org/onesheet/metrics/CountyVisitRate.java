package org.onesheet.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.springframework.stereotype.Component;

/** 县域就诊率: of the visits residents made, the share made at members of the group (Measure county-visit-rate). */
@Component
public class CountyVisitRate implements GroupMeasure {

	private final IndexQueries queries;

	public CountyVisitRate(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "county-visit-rate";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		long inCounty = 0;
		long all = 0;
		Map<String, long[]> byTownship = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		for (IndexQueries.Visits visits : queries.visits(period)) {
			if (!scope.contains(visits.home())) {
				continue; // not a resident of the scope
			}
			boolean inside = tree.isMember(visits.provider());
			all += visits.count();
			inCounty += inside ? visits.count() : 0;
			String township = tree.townshipOf(visits.home()).orElse(visits.home());
			names.put(township, tree.name(township));
			long[] counts = byTownship.computeIfAbsent(township, key -> new long[2]);
			counts[0] += inside ? visits.count() : 0;
			counts[1] += visits.count();
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		Reports.proportionStrata(Reports.proportion(report, inCounty, all), "township", byTownship, names);
		return report;
	}
}
