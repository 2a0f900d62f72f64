package org.onesheet.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the token check as a FHIR client expects them: the standard {@code WWW-Authenticate}
 * header (Spring's) and an OperationOutcome body saying what is wrong, in English and Chinese.
 */
public class OperationOutcomeResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
	private final FhirContext fhir;

	public OperationOutcomeResponses(FhirContext fhir) {
		this.fhir = fhir;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
			throws IOException {
		bearer.commence(request, response, problem);
		String message = problem instanceof InvalidBearerTokenException
				? "访问令牌无效或已过期 (the access token is not valid: " + problem.getMessage()
						+ "; get a new one from the token endpoint)"
				: "需要访问令牌 (this request needs an access token: send Authorization: Bearer <token>, obtained with "
						+ "the client_credentials grant from the token endpoint in /.well-known/smart-configuration)";
		write(response, OperationOutcome.IssueType.LOGIN, message);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException problem)
			throws IOException {
		denied.handle(request, response, problem);
		write(response, OperationOutcome.IssueType.FORBIDDEN, "无权访问 (access denied: " + problem.getMessage() + ")");
	}

	private void write(HttpServletResponse response, OperationOutcome.IssueType type, String message) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getOutputStream().write(fhir.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8));
	}
}
