package org.onesheet.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupStratifierComponent;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.identity.Systems;

/** Builds summary MeasureReports: populations, scores and strata, the same shape for every measure. */
final class Reports {

	private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";

	private Reports() {
	}

	static MeasureReport summary(String measureId, MeasurePeriod period, String subject) {
		MeasureReport report = new MeasureReport();
		report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
		report.setType(MeasureReport.MeasureReportType.SUMMARY);
		report.setMeasure(Systems.CANONICAL_BASE + "/Measure/" + measureId);
		report.setDate(new Date());
		report.setPeriod(period.asFhir());
		if (subject != null) {
			report.setSubject(new Reference(subject));
		}
		return report;
	}

	/** numerator / denominator, and the proportion (4 decimals; none when the denominator is 0). */
	static MeasureReportGroupComponent proportion(MeasureReport report, long numerator, long denominator) {
		MeasureReportGroupComponent group = report.addGroup();
		group.addPopulation().setCode(population("numerator")).setCount((int) numerator);
		group.addPopulation().setCode(population("denominator")).setCount((int) denominator);
		score(denominator, numerator).ifPresent(score -> group.setMeasureScore(new Quantity().setValue(score)));
		return group;
	}

	/** One stratifier whose strata are proportions: key → {numerator, denominator}, keys sorted. */
	static void proportionStrata(MeasureReportGroupComponent group, String name, Map<String, long[]> strata,
			Map<String, String> displays) {
		MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
		stratifier.addCode().setText(name);
		new TreeMap<>(strata).forEach((key, counts) -> {
			StratifierGroupComponent stratum = stratifier.addStratum();
			stratum.setValue(new CodeableConcept().setText(key)
					.addCoding(new Coding().setCode(key).setDisplay(displays.getOrDefault(key, key))));
			stratum.addPopulation().setCode(population("numerator")).setCount((int) counts[0]);
			stratum.addPopulation().setCode(population("denominator")).setCount((int) counts[1]);
			score(counts[1], counts[0]).ifPresent(score -> stratum.setMeasureScore(new Quantity().setValue(score)));
		});
	}

	static void proportionStrata(MeasureReportGroupComponent group, String name, Strata strata) {
		proportionStrata(group, name, strata.counts(), strata.names());
	}

	/** A cohort stratifier: key → count. */
	static void countStrata(MeasureReportGroupComponent group, String name, Map<String, Long> strata,
			Map<String, String> displays) {
		MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
		stratifier.addCode().setText(name);
		new TreeMap<>(strata).forEach((key, count) -> {
			StratifierGroupComponent stratum = stratifier.addStratum();
			stratum.setValue(new CodeableConcept().setText(key)
					.addCoding(new Coding().setCode(key).setDisplay(displays.getOrDefault(key, key))));
			stratum.addPopulation().setCode(population("initial-population")).setCount(count.intValue());
		});
	}

	/** A continuous-variable group: the population count and a score (minutes, hours) computed from the values. */
	static void continuous(MeasureReport report, String name, List<Double> sorted, double score, String unit) {
		MeasureReportGroupComponent group = report.addGroup();
		group.getCode().setText(name);
		group.addPopulation().setCode(population("measure-population")).setCount(sorted.size());
		if (!sorted.isEmpty()) {
			group.setMeasureScore(new Quantity().setValue(BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP))
					.setUnit(unit).setSystem(Systems.UCUM).setCode(unit));
		}
	}

	static CodeableConcept population(String code) {
		return new CodeableConcept(new Coding(POPULATION, code, null));
	}

	private static java.util.Optional<BigDecimal> score(long denominator, long numerator) {
		if (denominator == 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
	}
}
