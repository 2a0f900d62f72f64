package org.onesheet.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.onesheet.config.DatabaseDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The index the measures read links from, on PostgreSQL, as (path, target, source) for the six paths they ask
 * about: every registration's home and every contract, plan and condition naming a patient (contract coverage),
 * every visit's patient and provider (the visit measures). HAPI indexes links by source id alone (the path and
 * target are in the table) and by target first, so a measure read each link row from the table, one by one:
 * 1.7 s for contract coverage and about 2 s for a year's visits at 10^5 residents. With this index each path is
 * one index-only range, joined by hash.
 *
 * <p>Partial, so that the links of AuditEvents and Observations (most of the table) pay nothing for it on write.
 * Built {@code CONCURRENTLY}, so that adding it to a large live database does not stop writes; a build that
 * failed half-way leaves an invalid index, which is dropped and built again. The paths are part of the index: a
 * change of paths needs a new name, and the old name goes to {@link #RETIRED}, dropped once the new one is built.
 * H2 has no partial indexes, and its demo-sized databases do not need one.
 *
 * <p>Built once the node is ready, on a thread of its own. A concurrent build waits for every transaction
 * older than it in the whole database to end, and a second node starting beside this one sits in such a
 * transaction until this node's start-up lets go of {@code StartupSchemaLock}: built during start-up, the two
 * nodes waited on each other for ever (PostgreSQL cannot see a wait that goes through Java). The measures
 * answer without the index, only slower. Nodes build it one at a time under a session advisory lock, so that
 * an index another node is still building (invalid until it is done) is not taken for an interrupted one.
 */
@Component
public class MeasureLinksIndex {

	private static final Logger log = LoggerFactory.getLogger(MeasureLinksIndex.class);

	static final String NAME = "idx_os_rl_measure_links";
	static final List<String> PATHS = List.of("Patient.managingOrganization", "EpisodeOfCare.patient",
			"CarePlan.subject", "Condition.subject", "Encounter.subject", "Encounter.serviceProvider");
	/** Earlier forms of this index: contract coverage's four paths alone (commit c595065). */
	static final List<String> RETIRED = List.of("idx_os_rl_person_links");
	/** "OSLinkIx" in ASCII: the advisory lock key of this index's build, the same on every node. */
	public static final long BUILD_LOCK_KEY = 0x4f534c696e6b4978L;

	private final DataSource dataSource;
	private final boolean postgres;

	public MeasureLinksIndex(DataSource dataSource, @Value("${spring.datasource.url}") String jdbcUrl) {
		this.dataSource = dataSource;
		this.postgres = DatabaseDialect.forJdbcUrl(jdbcUrl) == DatabaseDialect.POSTGRESQL;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void buildInTheBackground() {
		if (!postgres) {
			return;
		}
		Thread builder = new Thread(() -> {
			try {
				ensureBuilt();
			} catch (SQLException | RuntimeException e) {
				log.warn("Index {} not built ({}); the measures answer without it, more slowly", NAME, e.getMessage());
			}
		}, "measure-links-index");
		builder.setDaemon(true);
		builder.start();
	}

	/**
	 * Builds the index unless it is there and valid, or another node is building it now.
	 *
	 * @return whether the index is there and valid when this returns
	 */
	public boolean ensureBuilt() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true); // CONCURRENTLY cannot run inside a transaction block
			if (!query(connection, "SELECT pg_try_advisory_lock(" + BUILD_LOCK_KEY + ")")) {
				log.info("Another node is building index {}", NAME);
				return false;
			}
			try {
				return build(connection);
			} finally {
				query(connection, "SELECT pg_advisory_unlock(" + BUILD_LOCK_KEY + ")");
			}
		}
	}

	private boolean build(Connection connection) throws SQLException {
		Boolean valid = validity(connection, NAME);
		if (!Boolean.TRUE.equals(valid)) {
			create(connection, valid != null);
		}
		if (!Boolean.TRUE.equals(validity(connection, NAME))) {
			return false;
		}
		for (String retired : RETIRED) {
			if (validity(connection, retired) != null) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + retired);
				}
				log.info("Dropped index {}, which {} replaces", retired, NAME);
			}
		}
		return true;
	}

	private void create(Connection connection, boolean leftInvalid) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (leftInvalid) {
				log.warn("Index {} was left invalid by an interrupted build; building it again", NAME);
				statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + NAME);
			}
			long started = System.nanoTime();
			String paths = String.join(", ", PATHS.stream().map(path -> "'" + path + "'").toList());
			statement.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + NAME
					+ " ON HFJ_RES_LINK (SRC_PATH, TARGET_RESOURCE_ID, SRC_RESOURCE_ID) WHERE SRC_PATH IN (" + paths + ")");
			log.info("Built index {} in {} ms", NAME, (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** Whether the named index is valid; null when there is none. */
	private static Boolean validity(Connection connection, String index) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(?)")) {
			select.setString(1, index);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? row.getBoolean(1) : null;
			}
		}
	}

	private static boolean query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			return row.next() && row.getBoolean(1);
		}
	}
}
