package org.onesheet.security;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * Which resources belong to a county group, and to which. A patient's data (the Patient and every type in
 * FHIR's Patient compartment, plus Task, which carries referrals and reading work) belongs to the groups in
 * its {@link Systems#COUNTY_GROUP} tags; the directory (organisations, staff, places, schedules) and the
 * conformance resources are shared by all groups.
 */
@Component
public class GroupScope {

	private static final Set<String> DIRECTORY = Set.of("Schedule", "List", "Group", "Basic", "Person", "MeasureReport");

	private final Set<String> scopedTypes;

	public GroupScope(FhirContext fhir) {
		scopedTypes = fhir.getResourceTypes().stream()
				.filter(type -> type.equals("Patient") || type.equals("Task")
						|| !fhir.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty())
				.filter(type -> !DIRECTORY.contains(type))
				.collect(Collectors.toUnmodifiableSet());
	}

	public boolean isScoped(String resourceType) {
		return resourceType != null && scopedTypes.contains(resourceType);
	}

	public boolean isScoped(IBaseResource resource) {
		return resource != null && isScoped(resource.fhirType());
	}

	/** The groups a resource is tagged with, as {@code Organization/<id>}. */
	public static Set<String> groupsOf(IBaseResource resource) {
		Set<String> groups = new LinkedHashSet<>();
		for (IBaseCoding tag : resource.getMeta().getTag()) {
			if (Systems.COUNTY_GROUP.equals(tag.getSystem()) && tag.getCode() != null) {
				groups.add("Organization/" + tag.getCode());
			}
		}
		return groups;
	}

	public static void tag(IBaseResource resource, String group) {
		IIdType id = new IdType(group);
		if (groupsOf(resource).contains("Organization/" + id.getIdPart())) {
			return;
		}
		resource.getMeta().addTag().setSystem(Systems.COUNTY_GROUP).setCode(id.getIdPart());
	}

	/** The search token that narrows a search to one group: {@code <system>|<group id>}. */
	public static String token(String group) {
		return Systems.COUNTY_GROUP + "|" + new IdType(group).getIdPart();
	}
}
