package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.onesheet.chronic.ChronicCareContract;
import org.onesheet.conformance.ProfileEnforcementContract;
import org.onesheet.diagnosis.RemoteReadingContract;
import org.onesheet.metrics.MetricsContract;
import org.onesheet.metrics.MeasureLinksIndex;
import org.onesheet.record.RecognisedResultsContract;
import org.onesheet.record.SharedRecordContract;
import org.onesheet.referral.ClosingTheLoopContract;
import org.onesheet.referral.GreenChannelContract;
import org.onesheet.referral.InboxAndArchiveContract;
import org.onesheet.referral.ReferralNotificationsContract;
import org.onesheet.referral.ReferralWorkflowContract;
import org.onesheet.security.AuditQueue;
import org.onesheet.security.AuditQueueDrain;
import org.onesheet.security.SecurityContract;
import org.onesheet.support.EmbeddedPostgres;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same contracts against a real PostgreSQL 16, with the schema created by HAPI on an empty database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FhirServerOnPostgresTest implements RestApiContract, BadInputContract, ProfileEnforcementContract,
		ReferralWorkflowContract, GreenChannelContract, ClosingTheLoopContract, ReferralNotificationsContract,
		InboxAndArchiveContract, SharedRecordContract, RecognisedResultsContract, RemoteReadingContract,
		ChronicCareContract, MetricsContract, SecurityContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeasureLinksIndex measureLinksIndex;

	@Autowired
	AuditQueue auditQueue;

	@Autowired
	AuditQueueDrain auditQueueDrain;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}

	@Override
	public AuditQueue auditQueue() {
		return auditQueue;
	}

	@Override
	public AuditQueueDrain auditQueueDrain() {
		return auditQueueDrain;
	}

	/** The server's own pool plans each statement for its values (config/PostgresCustomPlans). */
	@Test
	void theServersConnectionsPlanEachStatementForItsValues() {
		assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW plan_cache_mode", String.class))
				.isEqualTo("force_custom_plan");
	}

	/** A search and its later pages write nothing: no stored search, no stored result ids. */
	@Test
	void searchingStoresNoSearchAndNoResultIds() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String stored = "SELECT (SELECT COUNT(*) FROM HFJ_SEARCH) + (SELECT COUNT(*) FROM HFJ_SEARCH_RESULT)";
		long before = jdbc.queryForObject(stored, Long.class);
		Bundle first = endpoint().client().search().forResource(Observation.class).count(3)
				.returnBundle(Bundle.class).execute();
		assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
		endpoint().client().loadPage().next(first).execute();
		assertThat(jdbc.queryForObject(stored, Long.class)).isEqualTo(before);
	}

	/**
	 * The measures' link index is built once the node is ready; a build interrupted half-way (which
	 * PostgreSQL leaves as an invalid index) is built again, but not while another node holds the build lock,
	 * for then the invalid index is that node's build in progress; the index's retired forms are dropped.
	 */
	@Test
	void theMeasureLinksIndexIsBuiltAndRebuiltWhenABuildWasInterrupted() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String validity = "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('idx_os_rl_measure_links')";
		Eventually.that("the index built in the background after start-up")
				.until(() -> Boolean.TRUE.equals(DataAccessUtils.singleResult(jdbc.queryForList(validity, Boolean.class))));
		assertThat(jdbc.queryForObject("SELECT pg_get_expr(indpred, indrelid) FROM pg_index"
				+ " WHERE indexrelid = to_regclass('idx_os_rl_measure_links')", String.class))
				.contains("Patient.managingOrganization", "EpisodeOfCare.patient", "Encounter.serviceProvider");
		jdbc.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = to_regclass('idx_os_rl_measure_links')");
		assertThat(jdbc.queryForObject(validity, Boolean.class)).isFalse();
		try (Connection otherNode = dataSource.getConnection(); Statement lock = otherNode.createStatement()) {
			lock.execute("SELECT pg_advisory_lock(" + MeasureLinksIndex.BUILD_LOCK_KEY + ")");
			assertThat(measureLinksIndex.ensureBuilt()).as("left to the node holding the build lock").isFalse();
			assertThat(jdbc.queryForObject(validity, Boolean.class)).isFalse();
			lock.execute("SELECT pg_advisory_unlock(" + MeasureLinksIndex.BUILD_LOCK_KEY + ")");
		}
		// a database that has the index's earlier, narrower form loses it once the wider one is built
		jdbc.execute("CREATE INDEX idx_os_rl_person_links ON HFJ_RES_LINK (SRC_PATH, TARGET_RESOURCE_ID, SRC_RESOURCE_ID)"
				+ " WHERE SRC_PATH = 'Patient.managingOrganization'");
		assertThat(measureLinksIndex.ensureBuilt()).isTrue();
		assertThat(jdbc.queryForObject(validity, Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("SELECT to_regclass('idx_os_rl_person_links') IS NULL", Boolean.class)).isTrue();
	}
}
