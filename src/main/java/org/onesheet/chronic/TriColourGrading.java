package org.onesheet.chronic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Grades one plan from its patient's readings by its programme's table (三色分级): each measure is judged by
 * its latest reading, and the plan takes the worst colour of its measures.
 * <ul>
 *   <li>red: the latest reading is at or above the red limit; or it is yellow, the reading at least
 *       {@code notImprovingAfter} (four weeks) older was yellow too, nothing green came between, and the
 *       value has not come down (两次黄标四周未改善);</li>
 *   <li>yellow: at or above the goal, below the red limit;</li>
 *   <li>green: below the goal.</li>
 * </ul>
 * No readings of any measure: no verdict, the plan keeps the grade its doctors gave it.
 */
public final class TriColourGrading {

	/** The grade, why (in Chinese and English), the rule that decided, and the reading it decided on. */
	public record Verdict(Grade grade, String reason, String ruleId, Reading reading) {}

	private final String programme;
	private final List<GradingRule> rules;
	private final Duration notImprovingAfter;

	public TriColourGrading(String programme, List<GradingRule> rules, Duration notImprovingAfter) {
		this.programme = programme;
		this.rules = rules;
		this.notImprovingAfter = notImprovingAfter;
	}

	public Optional<Verdict> grade(List<Reading> readings) {
		Verdict worst = null;
		for (GradingRule rule : rules) {
			List<Reading> history = readings.stream()
					.filter(reading -> reading.loinc().equals(rule.loinc()) && reading.isIn(rule.unit()))
					.sorted(Comparator.comparing(Reading::effective).reversed())
					.toList();
			if (history.isEmpty()) {
				continue;
			}
			Verdict verdict = judge(rule, history);
			if (worst == null || verdict.grade().isWorseThan(worst.grade())
					|| verdict.grade() == worst.grade() && verdict.reading().effective().isAfter(worst.reading().effective())) {
				worst = verdict;
			}
		}
		return Optional.ofNullable(worst);
	}

	private Verdict judge(GradingRule rule, List<Reading> newestFirst) {
		Reading latest = newestFirst.get(0);
		String value = rule.name() + " " + latest.value().stripTrailingZeros().toPlainString() + " " + unit(rule);
		if (latest.value().compareTo(rule.redFrom()) >= 0) {
			return new Verdict(Grade.RED, value + " ≥ " + plain(rule.redFrom()) + "，达红标界值 (at or above the red limit)",
					rule.id(programme, Grade.RED), latest);
		}
		if (latest.value().compareTo(rule.goalBelow()) < 0) {
			return new Verdict(Grade.GREEN, value + " < " + plain(rule.goalBelow()) + "，达标 (meets the goal)",
					rule.id(programme, Grade.GREEN), latest);
		}
		Optional<Reading> notImproved = notImprovedSince(rule, newestFirst);
		if (notImproved.isPresent()) {
			Reading earlier = notImproved.get();
			return new Verdict(Grade.RED, value + "，" + notImprovingAfter.toDays() + " 天前为 "
					+ plain(earlier.value()) + "，连续黄标未改善 (yellow twice, " + notImprovingAfter.toDays()
					+ " days apart, without improvement)", programme + "/" + rule.loinc() + "/not-improving", latest);
		}
		return new Verdict(Grade.YELLOW, value + " ≥ " + plain(rule.goalBelow()) + "，未达标 (above the goal, below the red limit "
				+ plain(rule.redFrom()) + ")", rule.id(programme, Grade.YELLOW), latest);
	}

	/** The yellow reading at least {@code notImprovingAfter} older than the latest, if nothing since improved on it. */
	private Optional<Reading> notImprovedSince(GradingRule rule, List<Reading> newestFirst) {
		Reading latest = newestFirst.get(0);
		Instant cutOff = latest.effective().minus(notImprovingAfter);
		for (Reading reading : newestFirst.subList(1, newestFirst.size())) {
			if (reading.value().compareTo(rule.goalBelow()) < 0) {
				return Optional.empty(); // green came between
			}
			if (!reading.effective().isAfter(cutOff)) {
				boolean yellow = reading.value().compareTo(rule.redFrom()) < 0;
				return yellow && latest.value().compareTo(reading.value()) >= 0 ? Optional.of(reading) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static String unit(GradingRule rule) {
		return rule.unit() == null ? "" : rule.unit().replace("mm[Hg]", "mmHg");
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
