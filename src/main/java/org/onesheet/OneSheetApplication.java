package org.onesheet;

import org.onesheet.config.StartupWarmUp;
import org.onesheet.group.demo.DemoGroupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * OneSheet: one FHIR R4 record for a county medical community.
 *
 * <p>HAPI brings its own EntityManagerFactory, repositories, transaction manager and schedulers,
 * so Spring Boot's versions of those are switched off rather than left to back away one by one;
 * the Elasticsearch client is on the class path only because HAPI's optional full-text search needs it.
 */
@SpringBootApplication(
		exclude = {
			HibernateJpaAutoConfiguration.class,
			JpaRepositoriesAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class,
			TaskSchedulingAutoConfiguration.class,
			QuartzAutoConfiguration.class,
			FlywayAutoConfiguration.class,
			ThymeleafAutoConfiguration.class,
			ElasticsearchClientAutoConfiguration.class,
			ElasticsearchRestClientAutoConfiguration.class
		})
@ConfigurationPropertiesScan
public class OneSheetApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && DemoGroupCommand.NAME.equals(args[0])) {
			// Writing demo bundles to files needs no server: skip Spring altogether.
			System.exit(DemoGroupCommand.run(args));
		}
		StartupWarmUp.begin();
		SpringApplication.run(OneSheetApplication.class, args);
	}
}
