package org.onesheet.metrics;

import java.sql.Timestamp;
import java.time.Instant;
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
 * and returns a few rows per organisation, not a row per patient (except the contract coverage, which needs
 * one row per registration to count persons across the MDM links).
 */
@Component
public class IndexQueries {

	/** A count of visits by the provider and by the home clinic of the patient (null when unknown). */
	public record Visits(String provider, String home, long count) {}

	/** A count of referral Tasks by the requesting organisation. */
	public record Referrals(String requester, long count) {}

	/**
	 * One registration: the person it belongs to (its golden record, or itself), home clinic, birth, a contract in
	 * force, an active 2+3 plan, an active pregnancy (ICD-10 Z33).
	 */
	public record Registration(long person, String home, Timestamp birth, boolean signed, boolean chronic,
			boolean pregnant) {}

	/** A count of grade Flags in force, by programme, grade and home clinic. */
	public record Grades(String programme, String grade, String home, long count) {}

	/** A duration in minutes or hours, and the organisation it is attributed to. */
	public record Duration(double value, String organisation) {}

	private static final String NOT_CANCELLED = """
			\sNOT EXISTS (SELECT 1 FROM HFJ_SPIDX_TOKEN st WHERE st.RES_ID = %s AND st.RES_TYPE = '%s' AND st.SP_NAME = 'status'
			  AND st.SP_VALUE IN ('draft', 'cancelled', 'entered-in-error'))""";

	private static final String VISITS = """
			SELECT prov.FHIR_ID AS provider, homeorg.FHIR_ID AS home, COUNT(*) AS visits
			FROM HFJ_SPIDX_DATE d
			JOIN HFJ_RES_LINK pl ON pl.SRC_RESOURCE_ID = d.RES_ID AND pl.SRC_PATH = 'Encounter.serviceProvider'
			JOIN HFJ_RESOURCE prov ON prov.RES_ID = pl.TARGET_RESOURCE_ID
			LEFT JOIN HFJ_RES_LINK sl ON sl.SRC_RESOURCE_ID = d.RES_ID AND sl.SRC_PATH = 'Encounter.subject'
			LEFT JOIN HFJ_RES_LINK hl ON hl.SRC_RESOURCE_ID = sl.TARGET_RESOURCE_ID AND hl.SRC_PATH = 'Patient.managingOrganization'
			LEFT JOIN HFJ_RESOURCE homeorg ON homeorg.RES_ID = hl.TARGET_RESOURCE_ID
			WHERE d.RES_TYPE = 'Encounter' AND d.SP_NAME = 'date' AND d.SP_VALUE_LOW >= :from AND d.SP_VALUE_LOW < :to
			  AND\s""" + NOT_CANCELLED.formatted("d.RES_ID", "Encounter") + """
			\sGROUP BY prov.FHIR_ID, homeorg.FHIR_ID""";

	private static final String REFERRALS = """
			SELECT req.FHIR_ID AS requester, COUNT(*) AS referrals
			FROM HFJ_SPIDX_DATE a
			JOIN HFJ_RES_LINK rl ON rl.SRC_RESOURCE_ID = a.RES_ID AND rl.SRC_PATH = 'Task.requester'
			JOIN HFJ_RESOURCE req ON req.RES_ID = rl.TARGET_RESOURCE_ID
			JOIN HFJ_RES_LINK fl ON fl.SRC_RESOURCE_ID = a.RES_ID AND fl.SRC_PATH = 'Task.focus'
			JOIN HFJ_SPIDX_TOKEN dir ON dir.RES_ID = fl.TARGET_RESOURCE_ID AND dir.RES_TYPE = 'ServiceRequest'
			  AND dir.SP_NAME = 'direction' AND dir.SP_VALUE = :direction
			WHERE a.RES_TYPE = 'Task' AND a.SP_NAME = 'authored-on' AND a.SP_VALUE_LOW >= :from AND a.SP_VALUE_LOW < :to
			  AND NOT EXISTS (SELECT 1 FROM HFJ_RES_LINK po WHERE po.SRC_RESOURCE_ID = a.RES_ID AND po.SRC_PATH = 'Task.partOf')
			  AND\s""" + NOT_CANCELLED.formatted("a.RES_ID", "Task") + """
			\sGROUP BY req.FHIR_ID""";

	private static final String REGISTRATIONS = """
			SELECT COALESCE(m.GOLDEN_RESOURCE_PID, p.RES_ID) AS person, home.FHIR_ID AS home, bd.SP_VALUE_LOW AS birth,
			  CASE WHEN EXISTS (
			    SELECT 1 FROM HFJ_RES_LINK cl
			    JOIN HFJ_SPIDX_TOKEN ct ON ct.RES_ID = cl.SRC_RESOURCE_ID AND ct.RES_TYPE = 'EpisodeOfCare' AND ct.SP_NAME = 'type'
			      AND ct.SP_VALUE = 'family-doctor'
			    JOIN HFJ_SPIDX_TOKEN cs ON cs.RES_ID = cl.SRC_RESOURCE_ID AND cs.RES_TYPE = 'EpisodeOfCare' AND cs.SP_NAME = 'status'
			      AND cs.SP_VALUE = 'active'
			    JOIN HFJ_SPIDX_DATE cd ON cd.RES_ID = cl.SRC_RESOURCE_ID AND cd.RES_TYPE = 'EpisodeOfCare' AND cd.SP_NAME = 'date'
			      AND cd.SP_VALUE_LOW < :to AND (cd.SP_VALUE_HIGH IS NULL OR cd.SP_VALUE_HIGH >= :lastDay)
			    WHERE cl.SRC_PATH = 'EpisodeOfCare.patient' AND cl.TARGET_RESOURCE_ID = p.RES_ID) THEN 1 ELSE 0 END AS signed,
			  CASE WHEN EXISTS (
			    SELECT 1 FROM HFJ_RES_LINK pl
			    JOIN HFJ_SPIDX_TOKEN pc ON pc.RES_ID = pl.SRC_RESOURCE_ID AND pc.RES_TYPE = 'CarePlan' AND pc.SP_NAME = 'category'
			      AND pc.SP_VALUE IN (:programmes)
			    JOIN HFJ_SPIDX_TOKEN ps ON ps.RES_ID = pl.SRC_RESOURCE_ID AND ps.RES_TYPE = 'CarePlan' AND ps.SP_NAME = 'status'
			      AND ps.SP_VALUE = 'active'
			    WHERE pl.SRC_PATH = 'CarePlan.subject' AND pl.TARGET_RESOURCE_ID = p.RES_ID) THEN 1 ELSE 0 END AS chronic,
			  CASE WHEN EXISTS (
			    SELECT 1 FROM HFJ_RES_LINK ql
			    JOIN HFJ_SPIDX_TOKEN qc ON qc.RES_ID = ql.SRC_RESOURCE_ID AND qc.RES_TYPE = 'Condition' AND qc.SP_NAME = 'code'
			      AND (qc.SP_VALUE = 'Z33' OR qc.SP_VALUE LIKE 'Z33.%')
			    JOIN HFJ_SPIDX_TOKEN qs ON qs.RES_ID = ql.SRC_RESOURCE_ID AND qs.RES_TYPE = 'Condition'
			      AND qs.SP_NAME = 'clinical-status' AND qs.SP_VALUE = 'active'
			    WHERE ql.SRC_PATH = 'Condition.subject' AND ql.TARGET_RESOURCE_ID = p.RES_ID) THEN 1 ELSE 0 END AS pregnant
			FROM HFJ_RESOURCE p
			JOIN HFJ_RES_LINK hl ON hl.SRC_RESOURCE_ID = p.RES_ID AND hl.SRC_PATH = 'Patient.managingOrganization'
			JOIN HFJ_RESOURCE home ON home.RES_ID = hl.TARGET_RESOURCE_ID
			LEFT JOIN MPI_LINK m ON m.TARGET_PID = p.RES_ID AND m.MATCH_RESULT = 2
			LEFT JOIN HFJ_SPIDX_DATE bd ON bd.RES_ID = p.RES_ID AND bd.RES_TYPE = 'Patient' AND bd.SP_NAME = 'birthdate'
			WHERE p.RES_TYPE = 'Patient' AND p.RES_DELETED_AT IS NULL
			  AND NOT EXISTS (SELECT 1 FROM MPI_LINK g WHERE g.GOLDEN_RESOURCE_PID = p.RES_ID)""";

	private static final String GRADES = """
			SELECT prog.SP_VALUE AS programme, grade.SP_VALUE AS grade, home.FHIR_ID AS home, COUNT(*) AS plans
			FROM HFJ_SPIDX_TOKEN cat
			JOIN HFJ_SPIDX_DATE fd ON fd.RES_ID = cat.RES_ID AND fd.RES_TYPE = 'Flag' AND fd.SP_NAME = 'date'
			  AND fd.SP_VALUE_LOW < :to AND (fd.SP_VALUE_HIGH IS NULL OR fd.SP_VALUE_HIGH >= :to)
			JOIN HFJ_SPIDX_TOKEN grade ON grade.RES_ID = cat.RES_ID AND grade.RES_TYPE = 'Flag' AND grade.SP_NAME = 'code'
			  AND grade.SP_VALUE IN ('green', 'yellow', 'red')
			JOIN HFJ_SPIDX_TOKEN prog ON prog.RES_ID = cat.RES_ID AND prog.RES_TYPE = 'Flag' AND prog.SP_NAME = 'code'
			  AND prog.SP_VALUE IN (:programmes)
			LEFT JOIN HFJ_RES_LINK sl ON sl.SRC_RESOURCE_ID = cat.RES_ID AND sl.SRC_PATH = 'Flag.subject'
			LEFT JOIN HFJ_RES_LINK hl ON hl.SRC_RESOURCE_ID = sl.TARGET_RESOURCE_ID AND hl.SRC_PATH = 'Patient.managingOrganization'
			LEFT JOIN HFJ_RESOURCE home ON home.RES_ID = hl.TARGET_RESOURCE_ID
			WHERE cat.RES_TYPE = 'Flag' AND cat.SP_NAME = 'category' AND cat.SP_VALUE = 'chronic-grade'
			GROUP BY prog.SP_VALUE, grade.SP_VALUE, home.FHIR_ID""";

	private static final String TURNAROUNDS = """
			SELECT q.SP_VALUE AS minutes, req.FHIR_ID AS requester
			FROM HFJ_SPIDX_DATE a
			JOIN HFJ_SPIDX_QUANTITY q ON q.RES_ID = a.RES_ID AND q.RES_TYPE = 'Task' AND q.SP_NAME = 'reading-turnaround'
			LEFT JOIN HFJ_RES_LINK rl ON rl.SRC_RESOURCE_ID = a.RES_ID AND rl.SRC_PATH = 'Task.requester'
			LEFT JOIN HFJ_RESOURCE req ON req.RES_ID = rl.TARGET_RESOURCE_ID
			WHERE a.RES_TYPE = 'Task' AND a.SP_NAME = 'authored-on' AND a.SP_VALUE_LOW >= :from AND a.SP_VALUE_LOW < :to""";

	private static final String ACCEPTANCES = """
			SELECT a.SP_VALUE_LOW AS authored, p.SP_VALUE_LOW AS accepted, own.FHIR_ID AS owner
			FROM HFJ_SPIDX_DATE p
			JOIN HFJ_SPIDX_DATE a ON a.RES_ID = p.RES_ID AND a.RES_TYPE = 'Task' AND a.SP_NAME = 'authored-on'
			JOIN HFJ_RES_LINK fl ON fl.SRC_RESOURCE_ID = p.RES_ID AND fl.SRC_PATH = 'Task.focus'
			JOIN HFJ_SPIDX_TOKEN dir ON dir.RES_ID = fl.TARGET_RESOURCE_ID AND dir.RES_TYPE = 'ServiceRequest' AND dir.SP_NAME = 'direction'
			LEFT JOIN HFJ_RES_LINK ol ON ol.SRC_RESOURCE_ID = p.RES_ID AND ol.SRC_PATH = 'Task.owner'
			LEFT JOIN HFJ_RESOURCE own ON own.RES_ID = ol.TARGET_RESOURCE_ID
			WHERE p.RES_TYPE = 'Task' AND p.SP_NAME = 'period' AND p.SP_VALUE_LOW >= :from AND p.SP_VALUE_LOW < :to""";

	private final NamedParameterJdbcTemplate jdbc;

	public IndexQueries(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	public List<Visits> visits(MeasurePeriod period) {
		return jdbc.query(VISITS, range(period), (row, n) ->
				new Visits(row.getString("provider"), row.getString("home"), row.getLong("visits")));
	}

	public List<Referrals> referrals(MeasurePeriod period, String direction) {
		return jdbc.query(REFERRALS, range(period).addValue("direction", direction), (row, n) ->
				new Referrals(row.getString("requester"), row.getLong("referrals")));
	}

	public List<Registration> registrations(MeasurePeriod period, List<String> programmes) {
		MapSqlParameterSource parameters = range(period).addValue("programmes", programmes)
				.addValue("lastDay", Timestamp.from(period.to().toInstant().minusMillis(1)));
		return jdbc.query(REGISTRATIONS, parameters, (row, n) -> new Registration(row.getLong("person"),
				row.getString("home"), row.getTimestamp("birth"), row.getInt("signed") == 1, row.getInt("chronic") == 1,
				row.getInt("pregnant") == 1));
	}

	public List<Grades> grades(MeasurePeriod period, List<String> programmes) {
		return jdbc.query(GRADES, range(period).addValue("programmes", programmes), (row, n) -> new Grades(
				row.getString("programme"), row.getString("grade"), row.getString("home"), row.getLong("plans")));
	}

	public List<Duration> turnaroundMinutes(MeasurePeriod period) {
		return jdbc.query(TURNAROUNDS, range(period), (row, n) ->
				new Duration(row.getDouble("minutes"), row.getString("requester")));
	}

	public List<Duration> acceptanceHours(MeasurePeriod period) {
		return jdbc.query(ACCEPTANCES, range(period), (row, n) -> {
			Instant authored = row.getTimestamp("authored").toInstant();
			Instant accepted = row.getTimestamp("accepted").toInstant();
			return new Duration((accepted.toEpochMilli() - authored.toEpochMilli()) / 3_600_000.0, row.getString("owner"));
		});
	}

	private static MapSqlParameterSource range(MeasurePeriod period) {
		return new MapSqlParameterSource(Map.of("from", period.from(), "to", period.to()));
	}
}
