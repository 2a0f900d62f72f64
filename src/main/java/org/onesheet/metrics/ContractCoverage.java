package org.onesheet.metrics;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.onesheet.chronic.ChronicProgrammes;
import org.onesheet.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * 签约覆盖率: of the residents, the share with a family doctor contract in force on the last day, overall, for the
 * key groups (65 and over, pregnant women, 2+3 patients) and by township (contract-coverage). A resident is a person: the
 * registrations MDM links to one golden record count once, signed if any of them is.
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

	private static final class Person {
		String home;
		Timestamp birth;
		boolean signed;
		boolean chronic;
		boolean pregnant;
	}

	@Override
	public MeasureReport evaluate(MeasurePeriod period, Members.Tree tree, Set<String> scope, String subject) {
		Timestamp sixtyFiveYearsAgo = Timestamp.from(period.last().minusYears(65).plusDays(1)
				.atStartOfDay(ChinaTime.ZONE).toInstant());
		Map<Long, Person> persons = new HashMap<>();
		for (IndexQueries.Registration registration : queries.registrations(period, ChronicProgrammes.CODES)) {
			Person person = persons.computeIfAbsent(registration.person(), key -> new Person());
			boolean primaryHome = tree.get(registration.home()).map(Members.Member::isPrimaryLevel).orElse(false);
			if (person.home == null || primaryHome) {
				person.home = registration.home(); // a primary-level registration says where the resident lives
			}
			person.birth = person.birth == null ? registration.birth() : person.birth;
			person.signed |= registration.signed();
			person.chronic |= registration.chronic();
			person.pregnant |= registration.pregnant();
		}
		Strata byGroup = new Strata();
		Strata byTownship = new Strata();
		long signed = 0;
		long residents = 0;
		for (Person person : persons.values()) {
			if (!scope.contains(person.home) || !tree.get(person.home).map(Members.Member::isPrimaryLevel).orElse(false)) {
				continue; // registered only at the county hospital, or outside the scope: not counted as a resident here
			}
			residents++;
			signed += person.signed ? 1 : 0;
			long signedOne = person.signed ? 1 : 0;
			byGroup.add(ALL, "全体居民 (all residents)", signedOne, 1);
			if (person.birth != null && person.birth.before(sixtyFiveYearsAgo)) {
				byGroup.add(ELDERLY, "65岁及以上老年人 (aged 65 or over)", signedOne, 1);
			}
			if (person.chronic) {
				byGroup.add(CHRONIC, "两病三病患者 (2+3 patients)", signedOne, 1);
			}
			if (person.pregnant) {
				byGroup.add(PREGNANT, "孕产妇 (pregnant women)", signedOne, 1);
			}
			String township = tree.townshipOf(person.home).orElse(person.home);
			byTownship.add(township, tree.name(township), signedOne, 1);
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		MeasureReport.MeasureReportGroupComponent group = Reports.proportion(report, signed, residents);
		Reports.proportionStrata(group, "key-population", byGroup);
		Reports.proportionStrata(group, "township", byTownship);
		return report;
	}

}
