package org.onesheet.metrics;

import java.util.List;
import javax.sql.DataSource;
import org.onesheet.config.DatabaseDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index contract coverage reads its persons from, on PostgreSQL: every registration's home and every
 * contract, plan and condition naming a patient, as (path, target, source) for the four paths it asks about.
 * HAPI indexes links by source id alone (the path and target are in the table) and by target first, so the
 * measure either read 10^5 link rows one by one from the table or probed the target index once per patient;
 * either way about 1.7 s at 10^5 residents. With this index each path is one index-only range, joined by hash.
 *
 * <p>Partial, so that the links of AuditEvents, Observations and visits (most of the table) pay nothing for it
 * on write: 51 MB beside the table's 488 MB on a million resources. Built {@code CONCURRENTLY}, so that adding it
 * to a large live database does not stop writes; a build that failed half-way leaves an invalid index, which
 * is dropped and built again. The paths are part of the index: a change of paths needs a new name. H2 has no
 * partial indexes, and its demo-sized databases do not need one.
 */
@Component
public class PersonLinksIndex implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonLinksIndex.class);

	static final String NAME = "idx_os_rl_person_links";
	static final List<String> PATHS = List.of("Patient.managingOrganization", "EpisodeOfCare.patient",
			"CarePlan.subject", "Condition.subject");

	private final JdbcTemplate jdbc;
	private final boolean postgres;

	public PersonLinksIndex(DataSource dataSource, @Value("${spring.datasource.url}") String jdbcUrl) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = DatabaseDialect.forJdbcUrl(jdbcUrl) == DatabaseDialect.POSTGRESQL;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!postgres) {
			return;
		}
		List<Boolean> valid = jdbc.queryForList(
				"SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)", Boolean.class, NAME);
		if (!valid.isEmpty() && valid.get(0)) {
			return;
		}
		if (!valid.isEmpty()) {
			log.warn("Index {} was left invalid by an interrupted build; building it again", NAME);
			jdbc.execute("DROP INDEX CONCURRENTLY IF EXISTS " + NAME);
		}
		long started = System.nanoTime();
		String paths = String.join(", ", PATHS.stream().map(path -> "'" + path + "'").toList());
		jdbc.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + NAME
				+ " ON HFJ_RES_LINK (SRC_PATH, TARGET_RESOURCE_ID, SRC_RESOURCE_ID) WHERE SRC_PATH IN (" + paths + ")");
		log.info("Built index {} in {} ms", NAME, (System.nanoTime() - started) / 1_000_000);
	}
}
