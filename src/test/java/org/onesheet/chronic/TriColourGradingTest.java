package org.onesheet.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriColourGradingTest {

	private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
	private static final List<GradingRule> HYPERTENSION = List.of(
			new GradingRule("8480-6", "85354-9", "收缩压", "mm[Hg]", BigDecimal.valueOf(140), BigDecimal.valueOf(180)),
			new GradingRule("8462-4", "85354-9", "舒张压", "mm[Hg]", BigDecimal.valueOf(90), BigDecimal.valueOf(110)));
	private final TriColourGrading grading = new TriColourGrading("hypertension", HYPERTENSION, Duration.ofDays(28));

	@Test
	void thePlanTakesTheWorstColourOfItsMeasures() {
		TriColourGrading.Verdict verdict = grading.grade(List.of(
				systolic(132, 1), diastolic(112, 1))).orElseThrow();
		assertThat(verdict.grade()).isEqualTo(Grade.RED);
		assertThat(verdict.ruleId()).isEqualTo("hypertension/8462-4/red");
	}

	@Test
	void limitsAreGoalExclusiveAndRedInclusive() {
		assertThat(grading.grade(List.of(systolic(139, 1))).orElseThrow().grade()).isEqualTo(Grade.GREEN);
		assertThat(grading.grade(List.of(systolic(140, 1))).orElseThrow().grade()).isEqualTo(Grade.YELLOW);
		assertThat(grading.grade(List.of(systolic(179, 1))).orElseThrow().grade()).isEqualTo(Grade.YELLOW);
		assertThat(grading.grade(List.of(systolic(180, 1))).orElseThrow().grade()).isEqualTo(Grade.RED);
	}

	@Test
	void onlyTheLatestReadingOfAMeasureCounts() {
		assertThat(grading.grade(List.of(systolic(190, 10), systolic(128, 2))).orElseThrow().grade()).isEqualTo(Grade.GREEN);
	}

	@Test
	void yellowFourWeeksApartWithoutImprovementIsRedButAnImprovementOrAGreenBetweenIsNot() {
		assertThat(grading.grade(List.of(systolic(150, 40), systolic(150, 5))).orElseThrow().ruleId())
				.isEqualTo("hypertension/8480-6/not-improving");
		assertThat(grading.grade(List.of(systolic(156, 40), systolic(150, 5))).orElseThrow().grade()).isEqualTo(Grade.YELLOW);
		assertThat(grading.grade(List.of(systolic(150, 40), systolic(130, 20), systolic(152, 5))).orElseThrow().grade())
				.isEqualTo(Grade.YELLOW);
		assertThat(grading.grade(List.of(systolic(150, 20), systolic(152, 5))).orElseThrow().grade()).isEqualTo(Grade.YELLOW);
	}

	@Test
	void readingsInAnotherUnitOrOfOtherTestsAreNotGraded() {
		assertThat(grading.grade(List.of(new Reading("8480-6", BigDecimal.valueOf(20), "kPa", NOW, "Observation/k")))).isEmpty();
		assertThat(grading.grade(List.of(new Reading("1558-6", BigDecimal.valueOf(15), "mmol/L", NOW, "Observation/g")))).isEmpty();
	}

	private static Reading systolic(int value, int daysAgo) {
		return new Reading("8480-6", BigDecimal.valueOf(value), "mm[Hg]", NOW.minus(Duration.ofDays(daysAgo)),
				"Observation/s" + daysAgo);
	}

	private static Reading diastolic(int value, int daysAgo) {
		return new Reading("8462-4", BigDecimal.valueOf(value), "mm[Hg]", NOW.minus(Duration.ofDays(daysAgo)),
				"Observation/d" + daysAgo);
	}
}
