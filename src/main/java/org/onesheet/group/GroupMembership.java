package org.onesheet.group;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * Which county group an organisation belongs to: follow {@code partOf} up to the top. The top is the group
 * (医共体) for a member; an organisation outside any group (the prefecture hospital) is its own top. Read
 * from the database each time, so a node never answers from a stale copy of another node's change.
 */
@Component
public class GroupMembership {

	private static final int DEEPEST = 8;

	private final DaoRegistry daos;

	public GroupMembership(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The group's {@code Organization/<id>} for an organisation reference, if the organisation exists. */
	public Optional<String> groupOf(String organization) {
		Optional<Organization> current = StoredResources.find(daos, Organization.class, organization);
		Set<String> seen = new HashSet<>();
		while (current.isPresent() && seen.size() < DEEPEST) {
			Organization org = current.get();
			String id = "Organization/" + org.getIdElement().getIdPart();
			if (!seen.add(id) || !org.hasPartOf()) {
				return Optional.of(id);
			}
			current = StoredResources.find(daos, Organization.class, org.getPartOf().getReference());
		}
		return Optional.empty();
	}

	/** True when the organisation is the other one or part of it (a department of a hospital, at any depth). */
	public boolean isWithin(String organization, String ancestor) {
		Optional<Organization> current = StoredResources.find(daos, Organization.class, organization);
		for (int depth = 0; current.isPresent() && depth < DEEPEST; depth++) {
			Organization org = current.get();
			if (("Organization/" + org.getIdElement().getIdPart()).equals(ancestor)) {
				return true;
			}
			if (!org.hasPartOf()) {
				return false;
			}
			current = StoredResources.find(daos, Organization.class, org.getPartOf().getReference());
		}
		return false;
	}

	/**
	 * The organisation a reference names: an Organization itself, or the organisation of a PractitionerRole.
	 * Anything else (a Practitioner, a Patient) names none.
	 */
	public Optional<String> organisationOf(Reference reference) {
		String ref = reference == null ? null : reference.getReference();
		if (ref == null) {
			return Optional.empty();
		}
		if (ref.startsWith("Organization/")) {
			return Optional.of(ref);
		}
		if (ref.startsWith("PractitionerRole/")) {
			return StoredResources.find(daos, PractitionerRole.class, ref).filter(PractitionerRole::hasOrganization)
					.map(role -> role.getOrganization().getReference());
		}
		return Optional.empty();
	}

	/** The organisation itself, if it exists. */
	public Optional<Organization> organization(String organization) {
		return StoredResources.find(daos, Organization.class, organization);
	}
}
