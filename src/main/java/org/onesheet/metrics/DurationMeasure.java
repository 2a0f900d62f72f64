package org.onesheet.metrics;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.MeasureReport;

/**
 * A measure of how long something took (continuous variable): the median and the 90th percentile of the
 * durations the query returns for the period, counting those attributed to an organisation in scope.
 */
abstract class DurationMeasure implements GroupMeasure {

	private final Function<MeasurePeriod, List<IndexQueries.Duration>> query;
	private final String unit;

	DurationMeasure(Function<MeasurePeriod, List<IndexQueries.Duration>> query, String unit) {
		this.query = query;
		this.unit = unit;
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		List<Double> sorted = query.apply(period).stream().filter(duration -> scope.contains(duration.organisation()))
				.map(IndexQueries.Duration::value).sorted().toList();
		MeasureReport report = Reports.summary(id(), period, subject);
		Reports.continuous(report, "median", sorted, Percentiles.median(sorted), unit);
		Reports.continuous(report, "p90", sorted, Percentiles.nearestRank(sorted, 90), unit);
		return report;
	}
}
