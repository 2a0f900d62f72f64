package org.onesheet.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.interceptor.UserRequestRetryVersionConflictsInterceptor;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** HAPI's R4 JPA storage, with only what a county group uses switched on. */
@Configuration
// SubscriptionChannelConfig supplies the in-JVM message broker that Batch2 (reindex, $expunge,
// later bulk export) hands its work notifications through; job state itself lives in the database.
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	JpaBatch2Config.class,
	Batch2JobsConfig.class,
	SubscriptionChannelConfig.class,
	ThreadPoolFactoryConfig.class
})
public class HapiJpaStorageConfig {

	@Bean
	public JpaStorageSettings jpaStorageSettings(OneSheetProperties properties) {
		JpaStorageSettings settings = new JpaStorageSettings();
		// References must point at resources this server holds: a referral to a clinic
		// that does not exist is an error, not a placeholder.
		settings.setAllowExternalReferences(false);
		settings.setAutoCreatePlaceholderReferenceTargets(false);
		settings.setEnforceReferentialIntegrityOnWrite(true);
		settings.setEnforceReferentialIntegrityOnDelete(true);
		// (the audit trail's references are the exception: security.AuditTrail lets a delete past them)
		// :missing searches are not used by any member system; indexing them doubles index rows.
		settings.setIndexMissingFields(StorageSettings.IndexEnabledEnum.DISABLED);
		// Nor :text on tokens (code:text=高血压): HAPI would otherwise index every coding's display and text again
		// as a string, well over half the string index rows (an AuditEvent alone gets four). A :text search is
		// answered 405 with an OperationOutcome saying the modifier is off here; clients search by code.
		settings.setSuppressStringIndexingInTokens(true);
		// Index rows carry no parameter name, resource type or update time: searches (HAPI's and the measures'
		// SQL, metrics/IndexQueries) find rows by their hashes, so those columns were written and never read.
		settings.setIndexStorageOptimized(true);
		settings.setFetchSizeDefaultMaximum(properties.maxPageSize());
		settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ALPHANUMERIC);
		// Pre-expansion stores ValueSet expansions through Hibernate Search, which is off here (no Lucene
		// index to keep on every node); the IG's small value sets expand in memory when validated.
		settings.setPreExpandValueSets(false);
		// subject:mdm=Patient/x and $everything?_mdm=true search a resident's every registration (全省一张单).
		settings.setAllowMdmExpansion(true);
		// A search repeated within a minute would get HAPI's cached result list: a reading centre's worklist or a
		// clinic's inbox that hides the study another reader claimed seconds ago, and on another node of the group
		// not even that. Every search runs afresh (and is not stored: system/SearchesWithoutWrites).
		settings.setReuseCachedSearchResultsForMillis(null);
		return settings;
	}

	/**
	 * A client that sends {@code X-Retry-On-Version-Conflict: retry; max-retries=N} has a write that meets a
	 * concurrent one run again rather than refused with 409.
	 */
	@Bean
	public UserRequestRetryVersionConflictsInterceptor retryOnRequest(IInterceptorService storageInterceptors) {
		UserRequestRetryVersionConflictsInterceptor retries = new UserRequestRetryVersionConflictsInterceptor();
		storageInterceptors.registerInterceptor(retries);
		return retries;
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}
}
