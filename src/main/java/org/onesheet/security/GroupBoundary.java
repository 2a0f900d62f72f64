package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * Keeps each client inside its county group. A member reads its whole group's shared record (全省一张单) but
 * nothing of another group's patients: they are left out of search results and includes, and a read, update
 * or delete of one answers 404, as if it were not there; telling "exists but not yours" would already say
 * that the person is a patient elsewhere. One exception: while a referral to an organisation of the
 * client's group is open (requested, received, accepted, in progress), the client reads that patient.
 * Searches are narrowed in the database ({@link GroupSearchNarrowing}) so that totals and pages are right;
 * this class is the check on everything a response carries.
 */
@Component
public class GroupBoundary {

	/** Request attribute: the groups of a patient shown to a guest (their audit trail must show the look too). */
	static final String GUEST_OF = GroupBoundary.class.getName() + ".guestOf";

	private static final Set<String> OPEN_REFERRAL = Set.of("requested", "received", "accepted", "in-progress");

	private final GroupScope scope;
	private final DaoRegistry daos;

	public GroupBoundary(GroupScope scope, DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.scope = scope;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	/** Before the audit trail and the scope check see them: what is hidden was never shown. */
	@Hook(value = Pointcut.STORAGE_PRESHOW_RESOURCES, order = -100)
	public void hide(IPreResourceShowDetails shown, RequestDetails request) {
		Optional<ActingClient> client = ActingClient.of(request);
		if (client.isEmpty()) {
			return;
		}
		boolean read = request.getRestOperationType() == RestOperationTypeEnum.READ
				|| request.getRestOperationType() == RestOperationTypeEnum.VREAD;
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource == null || !scope.isScoped(resource) || inGroup(resource, client.get())) {
				continue;
			}
			if (isGuest(resource, client.get())) {
				((ServletRequestDetails) request).getServletRequest().setAttribute(GUEST_OF, GroupScope.groupsOf(resource));
				continue;
			}
			if (read && shown.size() == 1) {
				throw notFound(resource);
			}
			shown.setResource(i, null);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = -100)
	public void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		Optional<ActingClient> client = ActingClient.of(request);
		if (client.isPresent() && scope.isScoped(previous) && !inGroup(previous, client.get())) {
			throw notFound(previous);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = -100)
	public void beforeDelete(RequestDetails request, IBaseResource resource) {
		Optional<ActingClient> client = ActingClient.of(request);
		if (client.isPresent() && scope.isScoped(resource) && !inGroup(resource, client.get())) {
			throw notFound(resource);
		}
	}

	private boolean isGuest(IBaseResource resource, ActingClient client) {
		return resource instanceof Patient && client.group() != null && hasOpenReferralInto(resource, client.group());
	}

	private static boolean inGroup(IBaseResource resource, ActingClient client) {
		return client.group() != null && GroupScope.groupsOf(resource).contains(client.group());
	}

	/** An open referral of this patient that the client's group takes part in (it is tagged with that group). */
	private boolean hasOpenReferralInto(IBaseResource patient, String group) {
		TokenOrListParam open = new TokenOrListParam();
		OPEN_REFERRAL.forEach(status -> open.addOr(new TokenParam(status)));
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Task.SP_PATIENT, new ReferenceParam(patient.getIdElement().toUnqualifiedVersionless().getValue()))
				.add(Task.SP_STATUS, open)
				.add("_tag", new TokenParam(Systems.COUNTY_GROUP, new IdType(group).getIdPart()));
		return !daos.getResourceDao(Task.class).search(query, new SystemRequestDetails()).getResources(0, 1).isEmpty();
	}

	private static ResourceNotFoundException notFound(IBaseResource resource) {
		String id = resource.getIdElement().toUnqualifiedVersionless().getValue();
		String message = "未找到 (" + id + " is not found in your county group's record)";
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.NOTFOUND)
				.setDiagnostics(message);
		return new ResourceNotFoundException(message, outcome);
	}
}
