package org.onesheet.metrics;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.onesheet.chronic.ChronicProgrammes;
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
				.atStartOfDay(MeasurePeriod.CHINA).toInstant());
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
		Map<String, long[]> byGroup = new HashMap<>();
		Map<String, long[]> byTownship = new HashMap<>();
		Map<String, String> names = new HashMap<>(Map.of(ALL, "全体居民 (all residents)", ELDERLY,
				"65岁及以上老年人 (aged 65 or over)", CHRONIC, "两病三病患者 (2+3 patients)", PREGNANT, "孕产妇 (pregnant women)"));
		long signed = 0;
		long residents = 0;
		for (Person person : persons.values()) {
			if (!scope.contains(person.home) || !tree.get(person.home).map(Members.Member::isPrimaryLevel).orElse(false)) {
				continue; // registered only at the county hospital, or outside the scope: not counted as a resident here
			}
			residents++;
			signed += person.signed ? 1 : 0;
			count(byGroup, ALL, person.signed);
			if (person.birth != null && person.birth.before(sixtyFiveYearsAgo)) {
				count(byGroup, ELDERLY, person.signed);
			}
			if (person.chronic) {
				count(byGroup, CHRONIC, person.signed);
			}
			if (person.pregnant) {
				count(byGroup, PREGNANT, person.signed);
			}
			String township = tree.townshipOf(person.home).orElse(person.home);
			names.put(township, tree.name(township));
			count(byTownship, township, person.signed);
		}
		MeasureReport report = Reports.summary(id(), period, subject);
		MeasureReport.MeasureReportGroupComponent group = Reports.proportion(report, signed, residents);
		Reports.proportionStrata(group, "key-population", byGroup, names);
		Reports.proportionStrata(group, "township", byTownship, names);
		return report;
	}

	private static void count(Map<String, long[]> strata, String key, boolean signed) {
		long[] counts = strata.computeIfAbsent(key, k -> new long[2]);
		counts[0] += signed ? 1 : 0;
		counts[1]++;
	}

}
