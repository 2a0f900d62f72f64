package org.onesheet.metrics;

import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.springframework.stereotype.Component;

/** 基层诊疗量占比: of the visits at members, the share at township centres and village clinics (primary-care-share). */
@Component
public class PrimaryCareShare implements GroupMeasure {

	private final IndexQueries queries;

	public PrimaryCareShare(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "primary-care-share";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		long primary = 0;
		long all = 0;
		Strata byMember = new Strata();
		for (IndexQueries.Visits visits : queries.visits(period)) {
			if (!scope.contains(visits.provider())) {
				continue;
			}
			boolean atPrimaryLevel = tree.get(visits.provider()).map(Members.Member::isPrimaryLevel).orElse(false);
			all += visits.count();
			primary += atPrimaryLevel ? visits.count() : 0;
			byMember.add(visits.provider(), tree.name(visits.provider()), atPrimaryLevel ? visits.count() : 0, visits.count());
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		Reports.proportionStrata(Reports.proportion(report, primary, all), "member", byMember);
		return report;
	}
}
