package org.onesheet.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The measures' questions, one SQL query each, asked of HAPI's search indexes (HFJ_SPIDX_*, HFJ_RES_LINK,
 * HFJ_RESOURCE, MPI_LINK): the same tables HAPI's own searches read, so what a measure counts is what a FHIR
 * search would find, and nothing is loaded or parsed resource by resource. Each query groups in the database
 * and returns a few rows per organisation, not a row per patient.
 */
@Component
public class IndexQueries {

	/** A count of visits by the provider and by the home clinic of the patient (null when unknown). */
	public record Visits(String provider, String home, long count) {}

	/** A count of referral Tasks by the requesting organisation. */
	public record Referrals(String requester, long count) {}

	/**
	 * A count of persons (residents counted once across the registrations MDM links) by home clinic, 65 or over,
	 * with a contract in force, with an active 2+3 plan, with an active pregnancy (ICD-10 Z33).
	 */
	public record Residents(String home, boolean elderly, boolean signed, boolean chronic, boolean pregnant,
			long count) {}

	/** A count of grade Flags in force, by programme, grade and home clinic. */
	public record Grades(String programme, String grade, String home, long count) {}

	/** A duration in minutes or hours, and the organisation it is attributed to. */
	public record Duration(double value, String organisation) {}

	/** Not a draft, cancelled or entered in error; {@code :cancelled} holds those status codes' hashes. */
	private static final String NOT_CANCELLED = """
			\sNOT EXISTS (SELECT 1 FROM HFJ_SPIDX_TOKEN st WHERE st.RES_ID = %s AND st.HASH_VALUE IN (:cancelled))""";

	/*
	 * Counted by the database ids of provider and home first, and the two organisations' ids looked up for the
	 * hundred-odd groups after: at 275,000 visits, looking both up for every visit was a third of the time.
	 * On PostgreSQL the visits' three links come from index-only ranges of MeasureLinksIndex, joined by hash,
	 * not from the table row by row: 0.85-0.99 s against 0.39-0.59 s for a year at 10^5 residents.
	 */
	private static final String VISITS = """
			SELECT prov.FHIR_ID AS provider, homeorg.FHIR_ID AS home, v.visits
			FROM (SELECT pl.TARGET_RESOURCE_ID AS provider, hl.TARGET_RESOURCE_ID AS home, COUNT(*) AS visits
			  FROM HFJ_SPIDX_DATE d
			  JOIN HFJ_RES_LINK pl ON pl.SRC_RESOURCE_ID = d.RES_ID AND pl.SRC_PATH = 'Encounter.serviceProvider'
			  LEFT JOIN HFJ_RES_LINK sl ON sl.SRC_RESOURCE_ID = d.RES_ID AND sl.SRC_PATH = 'Encounter.subject'
			  LEFT JOIN HFJ_RES_LINK hl ON hl.SRC_RESOURCE_ID = sl.TARGET_RESOURCE_ID AND hl.SRC_PATH = 'Patient.managingOrganization'
			  WHERE d.HASH_IDENTITY = :encounterDate AND d.SP_VALUE_LOW >= :from AND d.SP_VALUE_LOW < :to
			    AND\s""" + NOT_CANCELLED.formatted("d.RES_ID") + """
			\s GROUP BY pl.TARGET_RESOURCE_ID, hl.TARGET_RESOURCE_ID) v
			JOIN HFJ_RESOURCE prov ON prov.RES_ID = v.provider
			LEFT JOIN HFJ_RESOURCE homeorg ON homeorg.RES_ID = v.home""";

	private static final String REFERRALS = """
			SELECT req.FHIR_ID AS requester, COUNT(*) AS referrals
			FROM HFJ_SPIDX_DATE a
			JOIN HFJ_RES_LINK rl ON rl.SRC_RESOURCE_ID = a.RES_ID AND rl.SRC_PATH = 'Task.requester'
			JOIN HFJ_RESOURCE req ON req.RES_ID = rl.TARGET_RESOURCE_ID
			JOIN HFJ_RES_LINK fl ON fl.SRC_RESOURCE_ID = a.RES_ID AND fl.SRC_PATH = 'Task.focus'
			JOIN HFJ_SPIDX_TOKEN dir ON dir.RES_ID = fl.TARGET_RESOURCE_ID AND dir.HASH_VALUE = :direction
			WHERE a.HASH_IDENTITY = :authoredOn AND a.SP_VALUE_LOW >= :from AND a.SP_VALUE_LOW < :to
			  AND NOT EXISTS (SELECT 1 FROM HFJ_RES_LINK po WHERE po.SRC_RESOURCE_ID = a.RES_ID AND po.SRC_PATH = 'Task.partOf')
			  AND\s""" + NOT_CANCELLED.formatted("a.RES_ID") + """
			\sGROUP BY req.FHIR_ID""";

	/*
	 * Who is signed, in a 2+3 programme or pregnant is asked once for all patients (the WITH sets, each found
	 * through HASH_VALUE's index), not once per patient: at 20,000 patients the per-patient form took 1.1 s.
	 * Every registration is read from its Patient.managingOrganization link, not from its HFJ_RESOURCE row: a
	 * deleted Patient keeps its row but has no links left, and on PostgreSQL all four link paths come from one
	 * index-only range each of {@link MeasureLinksIndex} (0.9 against 1.6 s in EXPLAIN ANALYZE at 10^5 residents).
	 * A person's registrations are merged and the persons counted in the database: a person lives where a
	 * registration at a primary-level clinic says ({@code :primary}: every township and village clinic of the
	 * organisation tree; of two such registrations, the greater id, so that a report is the same each time), and is
	 * signed if any registration is. The answer is a few hundred rows, not one for each of the 121,909
	 * registrations at 10^5 residents.
	 */
	private static final String RESIDENTS = """
			WITH signed AS (
			  SELECT DISTINCT cl.TARGET_RESOURCE_ID AS patient
			  FROM HFJ_SPIDX_TOKEN ct
			  JOIN HFJ_SPIDX_TOKEN cs ON cs.RES_ID = ct.RES_ID AND cs.HASH_VALUE = :contractActive
			  JOIN HFJ_SPIDX_DATE cd ON cd.RES_ID = ct.RES_ID AND cd.HASH_IDENTITY = :contractDate
			    AND cd.SP_VALUE_LOW < :to AND (cd.SP_VALUE_HIGH IS NULL OR cd.SP_VALUE_HIGH >= :lastDay)
			  JOIN HFJ_RES_LINK cl ON cl.SRC_RESOURCE_ID = ct.RES_ID AND cl.SRC_PATH = 'EpisodeOfCare.patient'
			  WHERE ct.HASH_VALUE = :familyDoctor),
			chronic AS (
			  SELECT DISTINCT pl.TARGET_RESOURCE_ID AS patient
			  FROM HFJ_SPIDX_TOKEN pc
			  JOIN HFJ_SPIDX_TOKEN ps ON ps.RES_ID = pc.RES_ID AND ps.HASH_VALUE = :planActive
			  JOIN HFJ_RES_LINK pl ON pl.SRC_RESOURCE_ID = pc.RES_ID AND pl.SRC_PATH = 'CarePlan.subject'
			  WHERE pc.HASH_VALUE IN (:programmes)),
			pregnant AS (
			  SELECT DISTINCT ql.TARGET_RESOURCE_ID AS patient
			  FROM HFJ_SPIDX_TOKEN qc
			  JOIN HFJ_SPIDX_TOKEN qs ON qs.RES_ID = qc.RES_ID AND qs.HASH_VALUE = :conditionActive
			  JOIN HFJ_RES_LINK ql ON ql.SRC_RESOURCE_ID = qc.RES_ID AND ql.SRC_PATH = 'Condition.subject'
			  WHERE qc.HASH_IDENTITY = :conditionCode AND (qc.SP_VALUE = 'Z33' OR qc.SP_VALUE LIKE 'Z33.%')),
			registrations AS (
			  SELECT COALESCE(m.GOLDEN_RESOURCE_PID, hl.SRC_RESOURCE_ID) AS person, home.FHIR_ID AS home, bd.SP_VALUE_LOW AS birth,
			    CASE WHEN s.patient IS NULL THEN 0 ELSE 1 END AS signed,
			    CASE WHEN c.patient IS NULL THEN 0 ELSE 1 END AS chronic,
			    CASE WHEN q.patient IS NULL THEN 0 ELSE 1 END AS pregnant
			  FROM HFJ_RES_LINK hl
			  JOIN HFJ_RESOURCE home ON home.RES_ID = hl.TARGET_RESOURCE_ID
			  LEFT JOIN MPI_LINK m ON m.TARGET_PID = hl.SRC_RESOURCE_ID AND m.MATCH_RESULT = 2
			  LEFT JOIN HFJ_SPIDX_DATE bd ON bd.RES_ID = hl.SRC_RESOURCE_ID AND bd.HASH_IDENTITY = :birthDate
			  LEFT JOIN signed s ON s.patient = hl.SRC_RESOURCE_ID
			  LEFT JOIN chronic c ON c.patient = hl.SRC_RESOURCE_ID
			  LEFT JOIN pregnant q ON q.patient = hl.SRC_RESOURCE_ID
			  WHERE hl.SRC_PATH = 'Patient.managingOrganization'
			    AND NOT EXISTS (SELECT 1 FROM MPI_LINK g WHERE g.GOLDEN_RESOURCE_PID = hl.SRC_RESOURCE_ID)),
			persons AS (
			  SELECT MAX(CASE WHEN home IN (:primary) THEN home END) AS home,
			    CASE WHEN MIN(birth) < :elderlyBornBefore THEN 1 ELSE 0 END AS elderly,
			    MAX(signed) AS signed, MAX(chronic) AS chronic, MAX(pregnant) AS pregnant
			  FROM registrations GROUP BY person)
			SELECT home, elderly, signed, chronic, pregnant, COUNT(*) AS residents
			FROM persons WHERE home IS NOT NULL
			GROUP BY home, elderly, signed, chronic, pregnant""";

	/* Grouped by the home's database id, its id looked up once per group after (as for the visits). */
	private static final String GRADES = """
			SELECT g.programme, g.grade, home.FHIR_ID AS home, g.plans
			FROM (SELECT prog.SP_VALUE AS programme, grade.SP_VALUE AS grade, hl.TARGET_RESOURCE_ID AS home, COUNT(*) AS plans
			  FROM HFJ_SPIDX_TOKEN cat
			  JOIN HFJ_SPIDX_DATE fd ON fd.RES_ID = cat.RES_ID AND fd.HASH_IDENTITY = :flagDate
			    AND fd.SP_VALUE_LOW < :to AND (fd.SP_VALUE_HIGH IS NULL OR fd.SP_VALUE_HIGH >= :to)
			  JOIN HFJ_SPIDX_TOKEN grade ON grade.RES_ID = cat.RES_ID AND grade.HASH_VALUE IN (:grades)
			  JOIN HFJ_SPIDX_TOKEN prog ON prog.RES_ID = cat.RES_ID AND prog.HASH_VALUE IN (:programmes)
			  LEFT JOIN HFJ_RES_LINK sl ON sl.SRC_RESOURCE_ID = cat.RES_ID AND sl.SRC_PATH = 'Flag.subject'
			  LEFT JOIN HFJ_RES_LINK hl ON hl.SRC_RESOURCE_ID = sl.TARGET_RESOURCE_ID AND hl.SRC_PATH = 'Patient.managingOrganization'
			  WHERE cat.HASH_VALUE = :gradeCategory
			  GROUP BY prog.SP_VALUE, grade.SP_VALUE, hl.TARGET_RESOURCE_ID) g
			LEFT JOIN HFJ_RESOURCE home ON home.RES_ID = g.home""";

	private static final String TURNAROUNDS = """
			SELECT q.SP_VALUE AS minutes, req.FHIR_ID AS requester
			FROM HFJ_SPIDX_DATE a
			JOIN HFJ_SPIDX_QUANTITY q ON q.RES_ID = a.RES_ID AND q.HASH_IDENTITY = :turnaround
			LEFT JOIN HFJ_RES_LINK rl ON rl.SRC_RESOURCE_ID = a.RES_ID AND rl.SRC_PATH = 'Task.requester'
			LEFT JOIN HFJ_RESOURCE req ON req.RES_ID = rl.TARGET_RESOURCE_ID
			WHERE a.HASH_IDENTITY = :authoredOn AND a.SP_VALUE_LOW >= :from AND a.SP_VALUE_LOW < :to""";

	private static final String ACCEPTANCES = """
			SELECT a.SP_VALUE_LOW AS authored, p.SP_VALUE_LOW AS accepted, own.FHIR_ID AS owner
			FROM HFJ_SPIDX_DATE p
			JOIN HFJ_SPIDX_DATE a ON a.RES_ID = p.RES_ID AND a.HASH_IDENTITY = :authoredOn
			JOIN HFJ_RES_LINK fl ON fl.SRC_RESOURCE_ID = p.RES_ID AND fl.SRC_PATH = 'Task.focus'
			JOIN HFJ_SPIDX_TOKEN dir ON dir.RES_ID = fl.TARGET_RESOURCE_ID AND dir.HASH_IDENTITY = :direction
			LEFT JOIN HFJ_RES_LINK ol ON ol.SRC_RESOURCE_ID = p.RES_ID AND ol.SRC_PATH = 'Task.owner'
			LEFT JOIN HFJ_RESOURCE own ON own.RES_ID = ol.TARGET_RESOURCE_ID
			WHERE p.HASH_IDENTITY = :period AND p.SP_VALUE_LOW >= :from AND p.SP_VALUE_LOW < :to""";

	private static final List<String> CANCELLED = List.of("draft", "cancelled", "entered-in-error");

	private static final List<String> GRADE_CODES = List.of("green", "yellow", "red");

	private final NamedParameterJdbcTemplate jdbc;
	private final IndexHashes hashes;

	public IndexQueries(DataSource dataSource, IndexHashes hashes) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.hashes = hashes;
	}

	public List<Visits> visits(MeasurePeriod period) {
		MapSqlParameterSource parameters = range(period)
				.addValue("encounterDate", hashes.parameter("Encounter", "date"))
				.addValue("cancelled", hashes.tokens("Encounter", "status", CANCELLED));
		return jdbc.query(VISITS, parameters, (row, n) ->
				new Visits(row.getString("provider"), row.getString("home"), row.getLong("visits")));
	}

	public List<Referrals> referrals(MeasurePeriod period, String direction) {
		MapSqlParameterSource parameters = range(period)
				.addValue("direction", hashes.token("ServiceRequest", "direction", direction))
				.addValue("authoredOn", hashes.parameter("Task", "authored-on"))
				.addValue("cancelled", hashes.tokens("Task", "status", CANCELLED));
		return jdbc.query(REFERRALS, parameters, (row, n) ->
				new Referrals(row.getString("requester"), row.getLong("referrals")));
	}

	/** The persons in the group, counted as described at {@link #RESIDENTS}; none if it has no primary-level clinic. */
	public List<Residents> residents(MeasurePeriod period, List<String> programmes, Collection<String> primaryLevel,
			Timestamp elderlyBornBefore) {
		if (primaryLevel.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource parameters = range(period)
				.addValue("primary", primaryLevel)
				.addValue("elderlyBornBefore", elderlyBornBefore)
				.addValue("lastDay", Timestamp.from(period.to().toInstant().minusMillis(1)))
				.addValue("familyDoctor", hashes.token("EpisodeOfCare", "type", "family-doctor"))
				.addValue("contractActive", hashes.token("EpisodeOfCare", "status", "active"))
				.addValue("contractDate", hashes.parameter("EpisodeOfCare", "date"))
				.addValue("programmes", hashes.tokens("CarePlan", "category", programmes))
				.addValue("planActive", hashes.token("CarePlan", "status", "active"))
				.addValue("conditionCode", hashes.parameter("Condition", "code"))
				.addValue("conditionActive", hashes.token("Condition", "clinical-status", "active"))
				.addValue("birthDate", hashes.parameter("Patient", "birthdate"));
		return jdbc.query(RESIDENTS, parameters, (row, n) -> new Residents(row.getString("home"),
				row.getInt("elderly") == 1, row.getInt("signed") == 1, row.getInt("chronic") == 1,
				row.getInt("pregnant") == 1, row.getLong("residents")));
	}

	public List<Grades> grades(MeasurePeriod period, List<String> programmes) {
		MapSqlParameterSource parameters = range(period)
				.addValue("gradeCategory", hashes.token("Flag", "category", "chronic-grade"))
				.addValue("grades", hashes.tokens("Flag", "code", GRADE_CODES))
				.addValue("programmes", hashes.tokens("Flag", "code", programmes))
				.addValue("flagDate", hashes.parameter("Flag", "date"));
		return jdbc.query(GRADES, parameters, (row, n) -> new Grades(
				row.getString("programme"), row.getString("grade"), row.getString("home"), row.getLong("plans")));
	}

	public List<Duration> turnaroundMinutes(MeasurePeriod period) {
		MapSqlParameterSource parameters = range(period)
				.addValue("authoredOn", hashes.parameter("Task", "authored-on"))
				.addValue("turnaround", hashes.parameter("Task", "reading-turnaround"));
		return jdbc.query(TURNAROUNDS, parameters, (row, n) ->
				new Duration(row.getDouble("minutes"), row.getString("requester")));
	}

	public List<Duration> acceptanceHours(MeasurePeriod period) {
		MapSqlParameterSource parameters = range(period)
				.addValue("period", hashes.parameter("Task", "period"))
				.addValue("authoredOn", hashes.parameter("Task", "authored-on"))
				.addValue("direction", hashes.parameter("ServiceRequest", "direction"));
		return jdbc.query(ACCEPTANCES, parameters, (row, n) -> {
			Instant authored = row.getTimestamp("authored").toInstant();
			Instant accepted = row.getTimestamp("accepted").toInstant();
			return new Duration((accepted.toEpochMilli() - authored.toEpochMilli()) / 3_600_000.0, row.getString("owner"));
		});
	}

	private static MapSqlParameterSource range(MeasurePeriod period) {
		return new MapSqlParameterSource(Map.of("from", period.from(), "to", period.to()));
	}
}
