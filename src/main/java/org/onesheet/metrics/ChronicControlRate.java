package org.onesheet.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MeasureReport;
import org.onesheet.chronic.ChronicProgrammes;
import org.springframework.stereotype.Component;

/**
 * 两病三病控制率: of the plans graded on the last day of the period, the share graded green, by programme; and the
 * tri-colour counts by township of residence (chronic-control-rate). Read from the grade Flags, so a past period
 * counts the grades plans had then.
 */
@Component
public class ChronicControlRate implements GroupMeasure {

	private final IndexQueries queries;

	public ChronicControlRate(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "chronic-control-rate";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		long green = 0;
		long graded = 0;
		Strata byProgramme = new Strata();
		Map<String, Map<String, Long>> byTownship = new HashMap<>();
		for (IndexQueries.Grades grades : queries.grades(period, ChronicProgrammes.CODES)) {
			if (!scope.contains(grades.home())) {
				continue;
			}
			boolean isGreen = "green".equals(grades.grade());
			graded += grades.count();
			green += isGreen ? grades.count() : 0;
			byProgramme.add(grades.programme(), ChronicProgrammes.NAMES.getOrDefault(grades.programme(), grades.programme()),
					isGreen ? grades.count() : 0, grades.count());
			String township = tree.townshipOf(grades.home()).orElse(grades.home());
			byTownship.computeIfAbsent(township, key -> new HashMap<>()).merge(grades.grade(), grades.count(), Long::sum);
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		MeasureReport.MeasureReportGroupComponent group = Reports.proportion(report, green, graded);
		Reports.proportionStrata(group, "programme", byProgramme);
		MeasureReport.MeasureReportGroupStratifierComponent colours = group.addStratifier();
		colours.addCode().setText("township-grade");
		new java.util.TreeMap<>(byTownship).forEach((township, counts) -> {
			for (String grade : new String[] {"green", "yellow", "red"}) {
				MeasureReport.StratifierGroupComponent stratum = colours.addStratum();
				stratum.addComponent().setCode(new CodeableConcept().setText("township"))
						.setValue(new CodeableConcept().setText(township)
								.addCoding(new org.hl7.fhir.r4.model.Coding().setCode(township).setDisplay(tree.name(township))));
				stratum.addComponent().setCode(new CodeableConcept().setText("grade"))
						.setValue(new CodeableConcept().setText(grade));
				stratum.addPopulation().setCode(Reports.population("denominator")).setCount(counts.getOrDefault(grade, 0L).intValue());
			}
		});
		return report;
	}
}
