package org.onesheet.metrics;

import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.springframework.stereotype.Component;

/** 下转患者占比: downward referrals the leading hospital sent, per visit to it (downward-referral-share). */
@Component
public class DownwardReferralShare implements GroupMeasure {

	private final IndexQueries queries;

	public DownwardReferralShare(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "downward-referral-share";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		Set<String> leading = tree.leadingHospitals(scope);
		long downward = queries.referrals(period, "down").stream().filter(referrals -> leading.contains(referrals.requester()))
				.mapToLong(IndexQueries.Referrals::count).sum();
		long visits = queries.visits(period).stream().filter(visit -> leading.contains(visit.provider()))
				.mapToLong(IndexQueries.Visits::count).sum();
		MeasureReport report = Reports.summary(id(), period, subject);
		Reports.proportion(report, downward, visits);
		return report;
	}
}
