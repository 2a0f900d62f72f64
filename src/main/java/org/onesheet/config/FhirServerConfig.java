package org.onesheet.config;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.LoggingInterceptor;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.IResourceProviderFactoryObserver;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR REST endpoint at {@code /fhir}: HAPI's RestfulServer with the JPA resource providers
 * and every {@link FhirServerPlugin} (interceptors and operation providers of the capabilities).
 */
@Configuration
public class FhirServerConfig {

	public static final String FHIR_PATH = "/fhir";

	@Bean
	public RestfulServer restfulServer(
			IFhirSystemDao<?, ?> systemDao,
			JpaSystemProvider<?, ?> systemProvider,
			ResourceProviderFactory resourceProviders,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			DaoRegistry daoRegistry,
			OneSheetProperties properties,
			List<FhirServerPlugin> plugins) {
		RestfulServer server = new RestfulServer(systemDao.getContext());
		server.setServerName("OneSheet");
		server.setImplementationDescription("OneSheet: the shared record of a county medical community (县域医共体)");
		// Narratives come from the sending clinic; generating our own would overwrite them.
		server.getFhirContext().setNarrativeGenerator(new NullNarrativeGenerator());
		// An element FHIR does not know is a client's mistake to report, not data to drop silently.
		server.getFhirContext().setParserErrorHandler(new StrictErrorHandler());
		if (!properties.resourceTypes().isEmpty()) {
			// Serving only what the group uses keeps /metadata small (1.5 MB for all 146 types) and quick to build.
			daoRegistry.setSupportedResourceTypes(properties.resourceTypes());
		}
		server.registerProviders(resourceProviders.createProviders());
		// Modules such as MDM add their operation providers once the context has started.
		resourceProviders.attach(new IResourceProviderFactoryObserver() {
			@Override
			public void update(Supplier<Object> provider) {
				server.registerProvider(provider.get());
			}

			@Override
			public void remove(Supplier<Object> provider) {
				// Only at shutdown, when the whole server goes.
			}
		});
		server.registerProvider(systemProvider);
		server.setServerConformanceProvider(new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport));
		pagingProvider.setDefaultPageSize(properties.defaultPageSize());
		pagingProvider.setMaximumPageSize(properties.maxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setServerAddressStrategy(new IncomingRequestAddressStrategy());
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		server.registerInterceptor(accessLog());
		server.registerInterceptor(new OpenApiInterceptor());
		plugins.forEach(plugin -> plugin.registerWith(server));
		return server;
	}

	/** One line per FHIR request on the {@code onesheet.access} logger; the request id comes from the log context. */
	private static LoggingInterceptor accessLog() {
		LoggingInterceptor accessLog = new LoggingInterceptor();
		accessLog.setLoggerName("onesheet.access");
		accessLog.setMessageFormat(
				"${requestVerb} ${requestUrl} ${operationType} ${idOrResourceName} from ${remoteAddr} in ${processingTimeMillis} ms");
		accessLog.setErrorMessageFormat("${requestVerb} ${requestUrl} failed: ${exceptionMessage}");
		accessLog.setLogExceptions(true);
		return accessLog;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer restfulServer) {
		ServletRegistrationBean<RestfulServer> registration =
				new ServletRegistrationBean<>(restfulServer, FHIR_PATH + "/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
