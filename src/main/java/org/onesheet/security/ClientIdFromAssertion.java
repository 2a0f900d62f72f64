package org.onesheet.security;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART backend services clients send a signed assertion and no {@code client_id} (the assertion's issuer
 * says who they are); Spring Authorization Server wants the parameter. This fills it in from the assertion's
 * {@code iss} before Spring sees the request. Nothing is trusted on the strength of it: Spring then checks the
 * assertion's signature against that client's registered keys, and that {@code iss} and {@code sub} are it.
 */
public class ClientIdFromAssertion extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String assertion = request.getParameter("client_assertion");
		if (assertion == null || request.getParameter("client_id") != null) {
			chain.doFilter(request, response);
			return;
		}
		String issuer;
		try {
			issuer = SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer();
		} catch (ParseException e) {
			issuer = null;
		}
		if (issuer == null) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		parameters.put("client_id", new String[] {issuer});
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getParameter(String name) {
				String[] values = parameters.get(name);
				return values == null ? null : values[0];
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Collections.unmodifiableMap(parameters);
			}

			@Override
			public Enumeration<String> getParameterNames() {
				return Collections.enumeration(parameters.keySet());
			}

			@Override
			public String[] getParameterValues(String name) {
				return parameters.get(name);
			}
		}, response);
	}
}
