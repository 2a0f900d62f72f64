package org.onesheet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseDialectTest {

	@Test
	void theDialectFollowsTheJdbcUrl() {
		assertThat(DatabaseDialect.forJdbcUrl("jdbc:h2:file:./data/onesheet").hibernateDialect())
				.isEqualTo("ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect");
		assertThat(DatabaseDialect.forJdbcUrl("jdbc:postgresql://db:5432/onesheet").hibernateDialect())
				.isEqualTo("ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect");
	}

	@Test
	void anUnsupportedDatabaseStopsStartUpWithAClearMessage() {
		assertThatThrownBy(() -> DatabaseDialect.forJdbcUrl("jdbc:mysql://db/onesheet"))
				.hasMessageContaining("jdbc:mysql://db/onesheet")
				.hasMessageContaining("PostgreSQL");
	}
}
