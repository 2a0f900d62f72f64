package org.onesheet.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.springframework.stereotype.Component;

/** 上转人次: upward referrals sent by members, by the referring organisation (upward-referral-count). */
@Component
public class UpwardReferralCount implements GroupMeasure {

	private final IndexQueries queries;

	public UpwardReferralCount(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "upward-referral-count";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		Map<String, Long> byRequester = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		long total = 0;
		for (IndexQueries.Referrals referrals : queries.referrals(period, "up")) {
			if (scope.contains(referrals.requester())) {
				byRequester.merge(referrals.requester(), referrals.count(), Long::sum);
				names.put(referrals.requester(), tree.name(referrals.requester()));
				total += referrals.count();
			}
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		MeasureReport.MeasureReportGroupComponent group = report.addGroup();
		group.addPopulation().setCode(Reports.population("initial-population")).setCount((int) total);
		Reports.countStrata(group, "requester", byRequester, names);
		return report;
	}
}
