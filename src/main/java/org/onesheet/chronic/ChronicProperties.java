package org.onesheet.chronic;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onesheet.chronic.*}; the default grading tables are in {@code application.yml} and
 * the README.
 *
 * @param grading the grading table of each programme (hypertension, diabetes, ...); a programme without
 *        one is graded by its doctors, not by readings
 * @param notImprovingAfter two yellow readings of one measure at least this far apart, with no green between
 *        and no improvement, make the plan red
 * @param settleBefore a better grade must hold this long (its first and latest readings this far apart)
 *        before the server proposes moving the plan down, or withdraws a draft proposal to move it up
 * @param followUpEvery how often each managing level sees a plan's patient (village, township, county)
 */
@ConfigurationProperties(prefix = "onesheet.chronic")
public record ChronicProperties(
		Map<String, List<GradingRule>> grading,
		@DefaultValue("P28D") Duration notImprovingAfter,
		@DefaultValue("P7D") Duration settleBefore,
		Map<String, Period> followUpEvery) {

	public ChronicProperties {
		grading = grading == null ? Map.of() : Map.copyOf(grading);
		followUpEvery = followUpEvery == null ? Map.of() : Map.copyOf(followUpEvery);
	}

	/** The follow-up interval of a managing level; monthly when the level has none configured. */
	public Period followUpEvery(Grade grade) {
		return followUpEvery.getOrDefault(grade.levelCoding().getCode(), Period.ofMonths(1));
	}
}
