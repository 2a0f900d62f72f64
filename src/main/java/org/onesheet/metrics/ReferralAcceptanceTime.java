package org.onesheet.metrics;

import org.springframework.stereotype.Component;

/** 转诊接收时长: hours from a referral being sent to its acceptance, by the accepting organisation. */
@Component
public class ReferralAcceptanceTime extends DurationMeasure {

	public ReferralAcceptanceTime(IndexQueries queries) {
		super(queries::acceptanceHours, "h");
	}

	@Override
	public String id() {
		return "referral-acceptance-time";
	}
}
