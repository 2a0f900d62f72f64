package org.onesheet.referral;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onesheet.referral.*}.
 *
 * @param overdueAfter how long a referral may wait for acceptance before it is flagged overdue (超时未接收)
 * @param overdueSweepEvery how often each node looks for newly overdue referrals
 */
@ConfigurationProperties(prefix = "onesheet.referral")
public record ReferralProperties(@DefaultValue("PT48H") Duration overdueAfter,
		@DefaultValue("PT5M") Duration overdueSweepEvery) {}
