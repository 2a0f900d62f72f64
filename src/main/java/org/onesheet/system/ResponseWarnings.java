package org.onesheet.system;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.stereotype.Component;

/**
 * Warnings about a stored resource that the client should read in the response (a medicine the receiving
 * clinic does not stock, a test already done elsewhere), added by the storage rules while they run and
 * put where FHIR carries them: in the entry's {@code response.outcome} of a transaction or batch, or in the
 * OperationOutcome a client gets with {@code Prefer: return=OperationOutcome}. The resource is kept by
 * identity because a created resource gets its id only after the rules ran.
 */
@Component
@Interceptor
public class ResponseWarnings implements FhirServerPlugin {

	private static final String KEY = ResponseWarnings.class.getName();

	private record Warning(IBaseResource about, OperationOutcomeIssueComponent issue) {
	}

	/** Records a warning about a resource being written in this request. */
	public static void add(RequestDetails request, IBaseResource about, OperationOutcomeIssueComponent issue) {
		if (request != null) {
			request.getUserData().computeIfAbsent(KEY, key -> new ArrayList<Warning>());
			warnings(request).add(new Warning(about, issue));
		}
	}

	/** An issue about a business rule, pointing at the element it concerns. */
	public static OperationOutcomeIssueComponent issue(OperationOutcome.IssueSeverity severity, String message,
			String expression) {
		return new OperationOutcomeIssueComponent().setSeverity(severity)
				.setCode(OperationOutcome.IssueType.BUSINESSRULE).setDiagnostics(message).addExpression(expression);
	}

	@SuppressWarnings("unchecked")
	private static List<Warning> warnings(RequestDetails request) {
		return (List<Warning>) request.getUserData().get(KEY);
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean attach(RequestDetails request, ResponseDetails response) {
		List<Warning> warnings = warnings(request);
		if (warnings == null || warnings.isEmpty()) {
			return true;
		}
		if (response.getResponseResource() instanceof Bundle bundle) {
			for (Warning warning : warnings) {
				String id = warning.about().getIdElement().toUnqualifiedVersionless().getValue();
				bundle.getEntry().stream()
						.filter(entry -> entry.getResponse().hasLocation()
								&& entry.getResponse().getLocation().startsWith(id + "/"))
						.findFirst()
						.ifPresent(entry -> outcomeOf(entry).addIssue(warning.issue()));
			}
		} else if (response.getResponseResource() instanceof OperationOutcome outcome) {
			warnings.forEach(warning -> outcome.addIssue(warning.issue()));
		}
		return true;
	}

	private static OperationOutcome outcomeOf(Bundle.BundleEntryComponent entry) {
		if (!(entry.getResponse().getOutcome() instanceof OperationOutcome)) {
			entry.getResponse().setOutcome(new OperationOutcome());
		}
		return (OperationOutcome) entry.getResponse().getOutcome();
	}
}
