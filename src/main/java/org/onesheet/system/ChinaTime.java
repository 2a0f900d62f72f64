package org.onesheet.system;

import java.time.ZoneId;

/**
 * The group's clock: days, due dates, referral numbers and report periods are counted in China Standard Time,
 * whatever zone the server's JVM runs in.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}
}
