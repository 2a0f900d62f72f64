package org.onesheet.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.dao.data.ITagDefinitionDao;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** HAPI's persistence unit on the configured DataSource, with the schema created by Hibernate. */
@Configuration
@EnableTransactionManagement
public class JpaConfig {

	@Primary
	@Bean
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(
			DataSource dataSource,
			DataSourceProperties dataSourceProperties,
			ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext,
			JpaStorageSettings storageSettings,
			Environment environment) {
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		Properties properties = hibernateProperties(DatabaseDialect.forJdbcUrl(dataSourceProperties.determineUrl()));
		properties.putAll(hibernateOverrides(environment));
		factory.setJpaProperties(properties);
		return factory;
	}

	/** Static: a BeanFactoryPostProcessor must exist before any other bean of this class is made. */
	@Bean
	static LazyRepositories lazyRepositories() {
		return new LazyRepositories();
	}

	/** Static, like every post-processor: it must exist before the EntityManagerFactory it watches. */
	@Bean
	static StartupSchemaLock startupSchemaLock() {
		return new StartupSchemaLock();
	}

	@Primary
	@Bean
	public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	/** Tag definitions each transaction holds in its own session: {@link SessionLocalTagDefinitions}. */
	@Primary
	@Bean
	public SessionLocalTagDefinitions sessionLocalTagDefinitions(ITagDefinitionDao tagDefinitions,
			MemoryCacheService memoryCache) {
		return new SessionLocalTagDefinitions(tagDefinitions, memoryCache);
	}

	/** Operators may still tune Hibernate the Spring Boot way: {@code spring.jpa.properties.hibernate.*}. */
	static Map<String, String> hibernateOverrides(Environment environment) {
		return Binder.get(environment)
				.bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
				.orElse(Map.of());
	}

	private static Properties hibernateProperties(DatabaseDialect dialect) {
		Properties properties = new Properties();
		properties.put("hibernate.dialect", dialect.hibernateDialect());
		// HAPI creates and upgrades its own tables: an empty PostgreSQL database is enough.
		properties.put("hibernate.hbm2ddl.auto", "update");
		properties.put("hibernate.search.enabled", "false");
		properties.put("hibernate.jdbc.batch_size", "50");
		properties.put("hibernate.order_inserts", "true");
		properties.put("hibernate.order_updates", "true");
		properties.put("hibernate.cache.use_query_cache", "false");
		properties.put("hibernate.cache.use_second_level_cache", "false");
		properties.put("hibernate.cache.use_structured_entries", "false");
		properties.put("hibernate.cache.use_minimal_puts", "false");
		properties.put("hibernate.format_sql", "false");
		properties.put("hibernate.show_sql", "false");
		return properties;
	}
}
