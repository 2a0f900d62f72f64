package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onesheet.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index that keeps an inbox search on H2 from looping over every open Task (see InboxIndex). */
@H2ServerTest
class InboxIndexOnH2Test {

	@Autowired
	DataSource dataSource;

	@Test
	void theTokenIndexStartingWithTheResourceIdExists() {
		Integer columns = new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ? AND TABLE_NAME = 'HFJ_SPIDX_TOKEN'"
						+ " AND ((COLUMN_NAME = 'RES_ID' AND ORDINAL_POSITION = 1) OR (COLUMN_NAME = 'HASH_VALUE' AND ORDINAL_POSITION = 2))",
				Integer.class, InboxIndex.NAME);
		assertThat(columns).isEqualTo(2);
	}
}
