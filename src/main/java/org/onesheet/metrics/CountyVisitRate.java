package org.onesheet.metrics;

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
		Strata byTownship = new Strata();
		for (IndexQueries.Visits visits : queries.visits(period)) {
			if (!scope.contains(visits.home())) {
				continue; // not a resident of the scope
			}
			boolean inside = tree.isMember(visits.provider());
			all += visits.count();
			inCounty += inside ? visits.count() : 0;
			String township = tree.townshipOf(visits.home()).orElse(visits.home());
			byTownship.add(township, tree.name(township), inside ? visits.count() : 0, visits.count());
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		Reports.proportionStrata(Reports.proportion(report, inCounty, all), "township", byTownship);
		return report;
	}
}
