package org.onesheet.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection plans each statement for the values it is run with ({@code plan_cache_mode =
 * force_custom_plan}). The JDBC driver prepares a statement on the server after five uses, and PostgreSQL then
 * switches to one generic plan for all values whenever its estimated cost looks close. HAPI's searches match on
 * hashes whose frequency differs by orders of magnitude (one hospital's 293 open referrals among 10⁵ Tasks), and
 * the generic plan of the county hospital's referral inbox took 160–600 ms where the plan for its own values
 * takes 10 ms (README, Performance). What an operator puts in the URL's {@code options} wins over this.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

	static final String OPTIONS = "-c plan_cache_mode=force_custom_plan";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& DatabaseDialect.forJdbcUrl(pool.getJdbcUrl()) == DatabaseDialect.POSTGRESQL
				&& !pool.getDataSourceProperties().containsKey("options")) {
			pool.addDataSourceProperty("options", OPTIONS);
		}
		return bean;
	}
}
