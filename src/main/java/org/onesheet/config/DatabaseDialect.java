package org.onesheet.config;

import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import org.hibernate.dialect.Dialect;

/**
 * The HAPI Hibernate dialect follows from the JDBC URL, so that pointing
 * {@code SPRING_DATASOURCE_URL} at PostgreSQL is the whole of switching databases
 * (the stock starter's hard-coded H2 dialect is a classic trap).
 */
public enum DatabaseDialect {
	H2("jdbc:h2:", HapiFhirH2Dialect.class),
	POSTGRESQL("jdbc:postgresql:", HapiFhirPostgresDialect.class);

	private final String urlPrefix;
	private final Class<? extends Dialect> dialectClass;

	DatabaseDialect(String urlPrefix, Class<? extends Dialect> dialectClass) {
		this.urlPrefix = urlPrefix;
		this.dialectClass = dialectClass;
	}

	public static DatabaseDialect forJdbcUrl(String jdbcUrl) {
		for (DatabaseDialect dialect : values()) {
			if (jdbcUrl != null && jdbcUrl.startsWith(dialect.urlPrefix)) {
				return dialect;
			}
		}
		throw new IllegalStateException("OneSheet runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...); "
				+ "spring.datasource.url is " + jdbcUrl);
	}

	public String hibernateDialect() {
		return dialectClass.getName();
	}
}
