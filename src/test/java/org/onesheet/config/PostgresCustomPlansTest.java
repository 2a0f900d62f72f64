package org.onesheet.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.onesheet.support.EmbeddedPostgres;

/** A PostgreSQL pool's connections plan every statement for its values; an operator's own options stand. */
class PostgresCustomPlansTest {

	@Test
	void aPostgresConnectionPlansEachExecutionForItsValues() throws Exception {
		try (HikariDataSource pool = pool(EmbeddedPostgres.jdbcUrl())) {
			assertThat(setting(pool)).isEqualTo("force_custom_plan");
		}
	}

	@Test
	void optionsInTheUrlWin() throws Exception {
		try (HikariDataSource pool = pool(EmbeddedPostgres.jdbcUrl() + "&options=-c%20plan_cache_mode%3Dauto")) {
			assertThat(setting(pool)).isEqualTo("auto");
		}
	}

	@Test
	void anH2PoolIsLeftAlone() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:plans");
		new PostgresCustomPlans().postProcessAfterInitialization(pool, "dataSource");
		assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
		pool.close();
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return (HikariDataSource) new PostgresCustomPlans().postProcessAfterInitialization(pool, "dataSource");
	}

	private static String setting(HikariDataSource pool) throws Exception {
		try (Connection connection = pool.getConnection();
				ResultSet result = connection.createStatement().executeQuery("SHOW plan_cache_mode")) {
			result.next();
			return result.getString(1);
		}
	}
}
