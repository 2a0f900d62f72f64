package org.onesheet.referral;

import javax.sql.DataSource;
import org.onesheet.config.DatabaseDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index a referral inbox needs on H2. HAPI finds an inbox's Tasks by joining the owner link with the
 * status token ({@code HASH_VALUE IN (requested, received)}); H2's planner then looks the status up through
 * the (HASH_VALUE, RES_ID) index with the whole IN-list for every Task of the owner, 40-60 s on 100,000
 * Tasks. Given an index that starts with RES_ID it looks each Task up directly (0.3 s). PostgreSQL plans
 * that join well without it, so it is not created there (every token row would pay for it on write).
 */
@Component
public class InboxIndex implements ApplicationRunner {

	static final String NAME = "IDX_OS_TOKEN_RES_HASHV";

	private final DataSource dataSource;
	private final String jdbcUrl;

	public InboxIndex(DataSource dataSource, @Value("${spring.datasource.url}") String jdbcUrl) {
		this.dataSource = dataSource;
		this.jdbcUrl = jdbcUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (DatabaseDialect.forJdbcUrl(jdbcUrl) == DatabaseDialect.H2) {
			new JdbcTemplate(dataSource).execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON HFJ_SPIDX_TOKEN(RES_ID, HASH_VALUE)");
		}
	}
}
