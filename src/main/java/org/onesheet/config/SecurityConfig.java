package org.onesheet.config;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.onesheet.group.GroupMembership;
import org.onesheet.security.ClientAssertionKeys;
import org.onesheet.security.ClientIdFromAssertion;
import org.onesheet.security.ClientRegistry;
import org.onesheet.security.OperationOutcomeResponses;
import org.onesheet.security.RequestedScopes;
import org.onesheet.security.SecurityProperties;
import org.onesheet.security.SigningKeys;
import org.onesheet.security.StatelessAuthorizations;
import org.onesheet.security.TokenClaims;
import org.onesheet.security.TokenRateLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call the server. Two filter chains: the built-in token issuer (Spring Authorization Server, unless
 * {@code onesheet.security.issuer-uri} names an external one), and the resource server that checks the bearer
 * token on every FHIR request. What a token then allows is HAPI's to decide (the {@code security} package's
 * interceptors): this class only decides that there is a valid token at all.
 */
@Configuration
public class SecurityConfig {

	/** Public: the capability statement, SMART discovery, docs, health, the dashboard's static page. */
	private static final String[] OPEN = {"/fhir/metadata", "/fhir/.well-known/**", "/.well-known/**",
			"/fhir/swagger-ui/**", "/fhir/api-docs", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/dashboard", "/dashboard/**", "/error", "/", "/favicon.ico"};

	/** Built in unless an external issuer is configured. */
	static class BuiltInIssuer implements org.springframework.context.annotation.Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String external = context.getEnvironment().getProperty("onesheet.security.issuer-uri");
			return external == null || external.isBlank();
		}
	}

	@Bean
	@Order(1)
	@Conditional(BuiltInIssuer.class)
	SecurityFilterChain tokenIssuer(HttpSecurity http, ResourceLoader loader) throws Exception {
		OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
		ClientAssertionKeys clientKeys = new ClientAssertionKeys(loader);
		http.securityMatcher(issuer.getEndpointsMatcher())
				.with(issuer, server -> server
						.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.forEach(p -> {
							if (p instanceof JwtClientAssertionAuthenticationProvider assertions) {
								assertions.setJwtDecoderFactory(clientKeys);
							}
						})))
						.tokenEndpoint(token -> token.authenticationProviders(providers -> providers.forEach(p -> {
							if (p instanceof OAuth2ClientCredentialsAuthenticationProvider credentials) {
								credentials.setAuthenticationValidator(new RequestedScopes());
							}
						}))))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain fhirResources(HttpSecurity http, JwtDecoder tokens, FhirContext fhir) throws Exception {
		OperationOutcomeResponses refusals = new OperationOutcomeResponses(fhir);
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
						.requestMatchers(OPEN).permitAll()
						.anyRequest().authenticated())
				.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(tokens))
						.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
				.exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
				// Bearer tokens, no cookies: nothing for a cross-site request to ride on, so no CSRF token either.
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable())
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
								+ "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Conditional(BuiltInIssuer.class)
	JWKSource<SecurityContext> signingKeys(SecurityProperties properties, ResourceLoader loader) {
		return SigningKeys.load(properties.signingKey(), loader);
	}

	@Bean
	JwtDecoder accessTokens(SecurityProperties properties, ObjectProvider<JWKSource<SecurityContext>> keys) {
		if (properties.externalIssuer()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
			return decoder;
		}
		// signature by our key, expiry and not-before: Nimbus's default validator
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys.getObject());
	}

	@Bean
	@Conditional(BuiltInIssuer.class)
	RegisteredClientRepository clients(SecurityProperties properties, GroupMembership membership) {
		return new ClientRegistry(properties, membership);
	}

	@Bean
	@Conditional(BuiltInIssuer.class)
	OAuth2AuthorizationService authorizations() {
		return new StatelessAuthorizations();
	}

	@Bean
	@Conditional(BuiltInIssuer.class)
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(GroupMembership membership) {
		return new TokenClaims(membership);
	}

	@Bean
	@Conditional(BuiltInIssuer.class)
	AuthorizationServerSettings issuerSettings(SecurityProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.publicUrl() != null && !properties.publicUrl().isBlank()) {
			settings.issuer(properties.publicUrl());
		}
		return settings.build();
	}

	@Bean
	FilterRegistrationBean<ClientIdFromAssertion> clientIdFromAssertion() {
		FilterRegistrationBean<ClientIdFromAssertion> registration = new FilterRegistrationBean<>(new ClientIdFromAssertion());
		registration.addUrlPatterns("/oauth2/token");
		registration.setOrder(-300);
		return registration;
	}

	@Bean
	FilterRegistrationBean<TokenRateLimit> tokenRateLimit(SecurityProperties properties) {
		FilterRegistrationBean<TokenRateLimit> registration =
				new FilterRegistrationBean<>(new TokenRateLimit(properties.tokenRequestsPerMinute()));
		registration.addUrlPatterns("/oauth2/token");
		// before Spring Security's chain (order -100), so that a flood never reaches the secret check
		registration.setOrder(-200);
		return registration;
	}
}
