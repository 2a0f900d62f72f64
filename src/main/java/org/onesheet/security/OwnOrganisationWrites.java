package org.onesheet.security;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.group.GroupMembership;
import org.onesheet.system.Refusals;
import org.springframework.stereotype.Component;

/**
 * A member writes only as itself: the organisations a resource names as who did or asked for it (performer,
 * requester, author, recorder, asserter; directly or through a PractitionerRole) must be the client's own
 * organisation or one of its departments (a hospital writes for its reading centres).
 * The group's administrator (the client of the group organisation) is not held to it: it loads and corrects
 * records for the whole group (history from before OneSheet, a clinic's mistakes), and what it writes still
 * belongs to its own group. A ServiceRequest's performer is whom the request is addressed to, not who wrote
 * it, and is left alone.
 */
@Component
public class OwnOrganisationWrites {

	private static final List<String> WHO_DID_IT = List.of("requester", "performer", "author", "recorder", "asserter");

	private final FhirContext fhir;
	private final GroupMembership membership;

	public OwnOrganisationWrites(FhirContext fhir, GroupMembership membership,
			IInterceptorService storageInterceptors) {
		this.fhir = fhir;
		this.membership = membership;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = -90)
	public void created(RequestDetails request, IBaseResource resource) {
		check(request, null, resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = -90)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		check(request, previous, resource);
	}

	private void check(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		Optional<ActingClient> client = ActingClient.of(request);
		if (client.isEmpty() || client.get().organization() == null || client.get().isAdministrator()) {
			return;
		}
		List<String> named = organisationsNamed(resource);
		if (previous != null && named.equals(organisationsNamed(previous))) {
			return; // an update that leaves who-did-it alone (a status move by the receiving party)
		}
		for (String organization : named) {
			if (!organization.equals(client.get().organization())
					&& !membership.isWithin(organization, client.get().organization())) {
				throw Refusals.forbidden("只能以本机构名义书写 (a client writes only as its own organisation: this "
						+ resource.fhirType() + " names " + organization + ", but " + ActingOrganization.SOURCE + " is "
						+ client.get().organization() + ")", resource.fhirType());
			}
		}
	}

	private List<String> organisationsNamed(IBaseResource resource) {
		BaseRuntimeElementCompositeDefinition<?> definition = fhir.getResourceDefinition(resource);
		FhirTerser terser = fhir.newTerser();
		List<String> organizations = new ArrayList<>();
		for (String child : WHO_DID_IT) {
			if (definition.getChildByName(child) == null
					|| ("ServiceRequest".equals(resource.fhirType()) && "performer".equals(child))) {
				continue;
			}
			for (IBase value : terser.getValues(resource, resource.fhirType() + "." + child)) {
				Reference reference = value instanceof Reference direct ? direct
						: terser.getSingleValueOrNull(value, "actor", Reference.class);
				membership.organisationOf(reference).ifPresent(organizations::add);
			}
		}
		return organizations;
	}
}
