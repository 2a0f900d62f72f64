package org.onesheet.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import org.springframework.stereotype.Component;

/**
 * Urgent work heads every inbox and worklist: a Task search for an owner (or party) sorted by authored-on, or
 * not sorted at all, is sorted by the {@code urgency} rank first (stat, asap, urgent, routine), so a stat consultation for a suspected
 * stroke is on top however old the routine referrals below it are. A client that wants plain date order
 * sorts by {@code _lastUpdated}.
 */
@Component
@Interceptor
public class InboxOrder {

	static final String URGENCY = "urgency";

	public InboxOrder(IInterceptorService storageInterceptors) {
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void urgentFirst(ICachedSearchDetails search, SearchParameterMap parameters) {
		SortSpec sort = parameters.getSort();
		if (!"Task".equals(search.getResourceType())
				|| !(parameters.containsKey("owner") || parameters.containsKey("party"))) {
			return;
		}
		if (sort == null) {
			// A worklist asked for without an order (Task?owner=<reading centre>&status=requested) is served
			// as one: most urgent first, then oldest first.
			parameters.setSort(new SortSpec(URGENCY, SortOrderEnum.ASC, new SortSpec("authored-on", SortOrderEnum.ASC)));
		} else if ("authored-on".equals(sort.getParamName())) {
			parameters.setSort(new SortSpec(URGENCY, SortOrderEnum.ASC, sort));
		}
	}
}
