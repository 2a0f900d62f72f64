package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.stereotype.Component;

/**
 * Narrows a client's search of patient data to its own county group, in the query itself: the search gets
 * {@code _tag=<county-group>|<the client's group>}, an indexed condition, so that totals, paging and the
 * search cache (its key includes the added parameter) are all per group. What includes and operations bring
 * in is checked by {@link GroupBoundary}.
 */
@Component
public class GroupSearchNarrowing implements FhirServerPlugin {

	private final GroupScope scope;

	public GroupSearchNarrowing(GroupScope scope) {
		this.scope = scope;
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean narrow(RequestDetails request) {
		if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE || !scope.isScoped(request.getResourceName())) {
			return true;
		}
		Optional<String> group = ActingClient.current().map(ActingClient::group);
		String token = GroupScope.token(group.orElse("Organization/none"));
		String[] given = request.getParameters().get("_tag");
		if (given != null && Arrays.asList(given).contains(token)) {
			// already narrowed: a next-page link repeats the search with the condition this hook added to it;
			// the same condition twice would be one more join for nothing (HAPI asserts against it)
			return true;
		}
		String[] tags = given == null ? new String[] {token} : Stream.concat(Arrays.stream(given), Stream.of(token)).toArray(String[]::new);
		// each value is one more _tag condition, ANDed with the client's own
		request.addParameter("_tag", tags);
		return true;
	}
}
