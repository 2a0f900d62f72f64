package org.onesheet.system;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.interceptor.ForceOffsetSearchModeInterceptor;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.onesheet.config.OneSheetProperties;
import org.springframework.stereotype.Component;

/**
 * A client's search runs as an offset query (HAPI's own {@link ForceOffsetSearchModeInterceptor}): the page is
 * read in the request's transaction, and the next link repeats the search with {@code _offset}. Otherwise HAPI
 * hands each search to its search thread pool and stores the search and the ids it fetched ({@code HFJ_SEARCH},
 * {@code HFJ_SEARCH_RESULT}) in transactions of their own, each a durable commit, before the first page goes
 * out: writes for every resident-ID lookup, and stale searches to delete later. A later page read afresh also
 * shows what changed since the first one, as an inbox or a worklist should; the price is that it runs the query
 * again with SQL's OFFSET (README, Performance).
 *
 * <p>{@code $everything} keeps HAPI's stored pages: its filters ({@code record/WholeRecordEverything}) thin a
 * page out after it is read, and an offset page that comes back thinner than asked is taken by HAPI for the
 * last one. A long record also reads its later pages from the stored ids at a steady cost.
 */
@Component
@Interceptor
public class SearchesWithoutWrites {

	private final ForceOffsetSearchModeInterceptor offsets = new ForceOffsetSearchModeInterceptor();

	public SearchesWithoutWrites(IInterceptorService storageInterceptors, OneSheetProperties properties) {
		offsets.setDefaultCount(properties.defaultPageSize());
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void asOffsetQuery(SearchParameterMap search, RequestDetails request) {
		if (search.getEverythingMode() == null) {
			offsets.storagePreSearchRegistered(search, request);
		}
	}
}
