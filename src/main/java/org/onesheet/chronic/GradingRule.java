package org.onesheet.chronic;

import java.math.BigDecimal;

/**
 * One line of a programme's grading table: a LOINC-coded measure, its goal and its red limit. A reading below
 * {@code goalBelow} is green, from {@code goalBelow} up to below {@code redFrom} yellow, from {@code redFrom}
 * red. Operators change the table in configuration ({@code onesheet.chronic.grading.<programme>}).
 *
 * @param loinc the measure's LOINC code, standalone or as a component of {@code panel}
 * @param panel a LOINC panel that carries the measure as a component (blood pressure 85354-9), or null
 * @param name what a clinic calls it (收缩压)
 * @param unit the UCUM unit the limits are in; readings in another unit are not graded by this rule
 * @param goalBelow the goal: readings below it meet the goal
 * @param redFrom the red limit: readings at or above it are red at once
 */
public record GradingRule(String loinc, String panel, String name, String unit, BigDecimal goalBelow,
		BigDecimal redFrom) {

	/** A stable name for the rule, recorded with the grade: {@code hypertension/8480-6/red}. */
	String id(String programme, Grade grade) {
		return programme + "/" + loinc + "/" + grade.code();
	}
}
