package org.onesheet.metrics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.onesheet.group.InstitutionLevel;
import org.springframework.stereotype.Component;

/**
 * The member organisations of the county groups, read once per evaluation (a group has tens of members, a
 * province a few thousand): who is part of whom, at which level, and which township a village belongs to.
 */
@Component
public class Members {

	private final DaoRegistry daos;

	public Members(DaoRegistry daos) {
		this.daos = daos;
	}

	/** One organisation of the tree; {@code parent} is its partOf id, or null. */
	public record Member(String id, String name, InstitutionLevel level, String parent) {

		public boolean isPrimaryLevel() {
			return level == InstitutionLevel.TOWNSHIP_CENTRE || level == InstitutionLevel.COMMUNITY_CENTRE
					|| level == InstitutionLevel.VILLAGE_CLINIC;
		}
	}

	/** The tree as it is now. */
	public Tree load() {
		Map<String, Member> all = new LinkedHashMap<>();
		SearchParameterMap everything = SearchParameterMap.newSynchronous();
		for (Object found : daos.getResourceDao(Organization.class).search(everything, new SystemRequestDetails()).getAllResources()) {
			Organization org = (Organization) found;
			String parent = org.hasPartOf() ? new IdType(org.getPartOf().getReference()).getIdPart() : null;
			all.put(org.getIdElement().getIdPart(), new Member(org.getIdElement().getIdPart(), org.getName(),
					InstitutionLevel.of(org).orElse(null), parent));
		}
		return new Tree(all);
	}

	/** Organisations by id, with the questions the measures ask of the tree. */
	public static final class Tree {

		private final Map<String, Member> members;
		private final Map<String, String> groupOf = new HashMap<>();

		Tree(Map<String, Member> members) {
			this.members = members;
			members.keySet().forEach(id -> groupOf.put(id, ancestorAt(id, InstitutionLevel.GROUP).orElse(null)));
		}

		public Optional<Member> get(String id) {
			return Optional.ofNullable(id == null ? null : members.get(id));
		}

		/** Whether the organisation belongs to a county group (is one, or is part of one). */
		public boolean isMember(String id) {
			return id != null && groupOf.get(id) != null;
		}

		/** The organisation and everything under it; every group's members when {@code root} is null. */
		public Set<String> scope(String root) {
			return members.keySet().stream()
					.filter(id -> root == null ? isMember(id) : isUnder(id, root))
					.collect(Collectors.toSet());
		}

		/** The township (or community) centre an organisation belongs to, itself if it is one. */
		public Optional<String> townshipOf(String id) {
			return ancestorAt(id, InstitutionLevel.TOWNSHIP_CENTRE).or(() -> ancestorAt(id, InstitutionLevel.COMMUNITY_CENTRE));
		}

		/** The county hospitals of the scope and their departments (reading centres, stroke centre). */
		public Set<String> leadingHospitals(Collection<String> scope) {
			return scope.stream().filter(id -> ancestorAt(id, InstitutionLevel.COUNTY_HOSPITAL).isPresent())
					.collect(Collectors.toSet());
		}

		public String name(String id) {
			return get(id).map(Member::name).orElse(id);
		}

		public List<Member> all() {
			return List.copyOf(members.values());
		}

		private boolean isUnder(String id, String root) {
			for (String at = id; at != null; at = members.containsKey(at) ? members.get(at).parent() : null) {
				if (at.equals(root)) {
					return true;
				}
			}
			return false;
		}

		private Optional<String> ancestorAt(String id, InstitutionLevel level) {
			int depth = 0;
			for (String at = id; at != null && members.containsKey(at) && depth++ < 10; at = members.get(at).parent()) {
				if (members.get(at).level() == level) {
					return Optional.of(at);
				}
			}
			return Optional.empty();
		}
	}
}
