package org.onesheet.metrics;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.onesheet.chronic.ChronicProgrammes;
import org.onesheet.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * 签约覆盖率: of the residents, the share with a family doctor contract in force on the last day, overall, for the
 * key groups (65 and over, pregnant women, 2+3 patients) and by township (contract-coverage). A resident is a person: the
 * registrations MDM links to one golden record count once, signed if any of them is, living where a township or
 * village clinic registered them (one registered only at the county hospital is not counted as a resident).
 */
@Component
public class ContractCoverage implements GroupMeasure {

	static final String ALL = "all";
	static final String ELDERLY = "elderly";
	static final String CHRONIC = "chronic";
	static final String PREGNANT = "pregnant";

	private final IndexQueries queries;

	public ContractCoverage(IndexQueries queries) {
		this.queries = queries;
	}

	@Override
	public String id() {
		return "contract-coverage";
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		Timestamp elderlyBornBefore = Timestamp.from(period.last().minusYears(65).plusDays(1)
				.atStartOfDay(ChinaTime.ZONE).toInstant());
		List<String> primaryLevel = tree.all().stream().filter(Members.Member::isPrimaryLevel).map(Members.Member::id).toList();
		Strata byGroup = new Strata();
		Strata byTownship = new Strata();
		long signed = 0;
		long residents = 0;
		for (IndexQueries.Residents persons : queries.residents(period, ChronicProgrammes.CODES, primaryLevel,
				elderlyBornBefore)) {
			if (!scope.contains(persons.home())) {
				continue; // living outside the scope: not counted as a resident here
			}
			long count = persons.count();
			long signedOnes = persons.signed() ? count : 0;
			residents += count;
			signed += signedOnes;
			byGroup.add(ALL, "全体居民 (all residents)", signedOnes, count);
			if (persons.elderly()) {
				byGroup.add(ELDERLY, "65岁及以上老年人 (aged 65 or over)", signedOnes, count);
			}
			if (persons.chronic()) {
				byGroup.add(CHRONIC, "两病三病患者 (2+3 patients)", signedOnes, count);
			}
			if (persons.pregnant()) {
				byGroup.add(PREGNANT, "孕产妇 (pregnant women)", signedOnes, count);
			}
			String township = tree.townshipOf(persons.home()).orElse(persons.home());
			byTownship.add(township, tree.name(township), signedOnes, count);
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		MeasureReport.MeasureReportGroupComponent group = Reports.proportion(report, signed, residents);
		Reports.proportionStrata(group, "key-population", byGroup);
		Reports.proportionStrata(group, "township", byTownship);
		return report;
	}

}
