package org.onesheet.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleConditional;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.security.SmartScope.Interaction;
import org.springframework.stereotype.Component;

/**
 * What a token's SMART scopes allow, as rules of HAPI's AuthorizationInterceptor: {@code r} reads,
 * {@code s} searches, {@code c} creates, {@code u} updates and patches, {@code d} deletes, each for the
 * scope's resource type or all. Audit events are never created, changed or deleted through the API,
 * whatever the scopes: the server writes them. The server's own work (demo load, sweeps, the audit trail itself) is not a client request and
 * is not checked here. Which group's data a client sees is {@link GroupBoundary}'s to decide.
 */
@Component
public class ScopeRules extends AuthorizationInterceptor implements FhirServerPlugin {

	private static final Set<RestOperationTypeEnum> SEARCHES = EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE,
			RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.GET_PAGE);
	private static final Set<RestOperationTypeEnum> READS = EnumSet.of(RestOperationTypeEnum.READ,
			RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.HISTORY_TYPE);

	public ScopeRules() {
		super(PolicyEnum.DENY);
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		if (!ActingOrganization.isClientRequest(request)) {
			return new RuleBuilder().allowAll("the server's own work").build();
		}
		IAuthRuleBuilder rules = new RuleBuilder();
		rules.deny("audit events are written by the server alone").create().resourcesOfType(AuditEvent.class)
				.withAnyId().andThen()
				.deny("audit events are never changed through the API").write().resourcesOfType(AuditEvent.class)
				.withAnyId().andThen()
				.deny("audit events are never deleted through the API").delete().resourcesOfType(AuditEvent.class)
				.withAnyId().andThen()
				.allow("capability statement").metadata();
		Optional<ActingClient> client = ActingClient.current();
		if (client.isEmpty()) {
			return rules.build();
		}
		boolean readsAnything = false;
		boolean updatesAnything = false;
		for (SmartScope scope : client.get().scopes()) {
			Set<Interaction> can = scope.interactions();
			if (can.contains(Interaction.READ) || can.contains(Interaction.SEARCH)) {
				readsAnything = true;
				boolean both = can.contains(Interaction.READ) && can.contains(Interaction.SEARCH);
				Predicate<RestOperationTypeEnum> only = operation -> both
						|| (can.contains(Interaction.READ) ? !SEARCHES.contains(operation) : !READS.contains(operation));
				types(rules.allow(scope + " (read/search)").read(), scope).withAnyId().withTester(tester(only));
			}
			boolean creates = can.contains(Interaction.CREATE);
			boolean updates = can.contains(Interaction.UPDATE);
			if (creates || updates) {
				Predicate<RestOperationTypeEnum> which = operation -> (creates || operation != RestOperationTypeEnum.CREATE)
						&& (updates || operation != RestOperationTypeEnum.UPDATE);
				types(rules.allow(scope + " (write)").write(), scope).withAnyId().withTester(tester(which));
			}
			if (creates) {
				conditional(rules.allow(scope + " (conditional create)").createConditional(), scope);
			}
			if (updates) {
				updatesAnything = true;
				conditional(rules.allow(scope + " (conditional update)").updateConditional(), scope);
			}
			if (can.contains(Interaction.DELETE)) {
				types(rules.allow(scope + " (delete)").delete(), scope).withAnyId();
			}
		}
		if (updatesAnything) {
			rules.allow("patch, then checked as an update").patch().allRequests();
		}
		if (readsAnything) {
			// $everything, $recognized-results, $evaluate-measure, $validate ...: what they return is checked
			// against the read rules above, resource by resource.
			rules.allow("operations").operation().withAnyName().atAnyLevel().andRequireExplicitResponseAuthorization();
		}
		rules.allow("transactions, each entry by the rules above").transaction().withAnyOperation().andApplyNormalRules();
		return rules.build();
	}

	private static IAuthRuleBuilderRuleOpClassifier types(IAuthRuleBuilderRuleOp op, SmartScope scope) {
		return scope.anyType() ? op.allResources() : op.resourcesOfType(scope.resourceType());
	}

	private static void conditional(IAuthRuleBuilderRuleConditional op, SmartScope scope) {
		if (scope.anyType()) {
			op.allResources();
		} else {
			op.resourcesOfType(scope.resourceType());
		}
	}

	/** A rule that applies only to some interactions (SMART's r without s, c without u, ...). */
	private static IAuthRuleTester tester(Predicate<RestOperationTypeEnum> applies) {
		return new IAuthRuleTester() {
			@Override
			public boolean matches(RuleTestRequest request) {
				return applies.test(request.operation);
			}

			@Override
			public boolean matchesOutput(RuleTestRequest request) {
				return applies.test(request.operation);
			}
		};
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict verdict) {
		String what = request.getRestOperationType() == null ? "this request"
				: request.getRestOperationType().getCode() + (request.getResourceName() == null ? "" : " on " + request.getResourceName());
		String held = ActingClient.current().map(client -> client.scopes().toString()).orElse("none");
		String message = "令牌权限不足 (the token's SMART scopes do not allow " + what + "; scopes held: " + held + ")";
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.FORBIDDEN)
				.setDiagnostics(message);
		throw new ForbiddenOperationException(message, outcome);
	}
}
