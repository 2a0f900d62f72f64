package org.onesheet.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class JpaConfigTest {

	@Test
	void springJpaPropertiesReachHibernateWithTheirFullNames() {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("spring.jpa.properties.hibernate.hbm2ddl.auto", "validate")
				.withProperty("spring.jpa.properties.hibernate.jdbc.batch_size", "100");

		assertThat(JpaConfig.hibernateOverrides(environment))
				.containsEntry("hibernate.hbm2ddl.auto", "validate")
				.containsEntry("hibernate.jdbc.batch_size", "100");
	}

	@Test
	void withoutOverridesNothingIsAdded() {
		assertThat(JpaConfig.hibernateOverrides(new MockEnvironment())).isEmpty();
	}
}
