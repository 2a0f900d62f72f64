package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Comparator;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.identity.Systems;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * Which member of the group manages a plan at each level: the patient's own village clinic (the managing
 * organisation of the registration the plan is filed under), that clinic's township centre, and the county
 * general hospital of the township's group.
 */
@Component
public class LevelOrganisations {

	private final DaoRegistry daos;

	public LevelOrganisations(DaoRegistry daos) {
		this.daos = daos;
	}

	public Optional<Organization> of(CarePlan plan, Grade level) {
		Optional<Organization> home = StoredResources.find(daos, Patient.class, plan.getSubject().getReference())
				.filter(Patient::hasManagingOrganization)
				.flatMap(patient -> organisation(patient.getManagingOrganization()));
		Optional<Organization> village = home.filter(org -> levelOf(org) == InstitutionLevel.VILLAGE_CLINIC);
		Optional<Organization> township = home.filter(org -> Grade.ofInstitution(levelOf(org)).orElse(null) == Grade.YELLOW)
				.or(() -> village.flatMap(this::parent));
		return switch (level) {
			case GREEN -> village;
			case YELLOW -> township;
			case RED -> home.filter(org -> levelOf(org) == InstitutionLevel.COUNTY_HOSPITAL)
					.or(() -> township.flatMap(this::parent).flatMap(this::countyHospitalOf));
		};
	}

	/** The level an organisation manages plans at, from its institution level. */
	public Optional<Grade> levelOf(Reference organisation) {
		return organisation(organisation).flatMap(org -> Grade.ofInstitution(levelOf(org)));
	}

	/** A PractitionerRole at the organisation, to sign a referral the server drafts on its behalf. */
	public Optional<PractitionerRole> someoneAt(Organization organisation) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(PractitionerRole.SP_ORGANIZATION, new ReferenceParam(reference(organisation).getReference()));
		return daos.getResourceDao(PractitionerRole.class).search(query, new SystemRequestDetails()).getAllResources()
				.stream().map(PractitionerRole.class::cast)
				.min(Comparator.comparing(role -> role.getIdElement().getIdPart()));
	}

	public static Reference reference(Organization organisation) {
		return new Reference("Organization/" + organisation.getIdElement().getIdPart()).setDisplay(organisation.getName());
	}

	private Optional<Organization> countyHospitalOf(Organization group) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Organization.SP_PARTOF, new ReferenceParam(reference(group).getReference()))
				.add(Organization.SP_TYPE, new TokenParam(Systems.INSTITUTION_LEVEL, InstitutionLevel.COUNTY_HOSPITAL.code()));
		return daos.getResourceDao(Organization.class).search(query, new SystemRequestDetails()).getAllResources()
				.stream().map(Organization.class::cast).findFirst();
	}

	private Optional<Organization> parent(Organization organisation) {
		return organisation.hasPartOf() ? organisation(organisation.getPartOf()) : Optional.empty();
	}

	private Optional<Organization> organisation(Reference reference) {
		return StoredResources.find(daos, Organization.class, reference.getReference());
	}

	private static InstitutionLevel levelOf(Organization organisation) {
		return InstitutionLevel.of(organisation).orElse(null);
	}
}
