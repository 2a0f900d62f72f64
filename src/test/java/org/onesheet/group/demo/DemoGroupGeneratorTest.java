package org.onesheet.group.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.ResidentId;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;

class DemoGroupGeneratorTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

	private static List<Bundle> generate(long seed, int patients, int perBundle) {
		List<Bundle> bundles = new ArrayList<>();
		new DemoGroupGenerator(seed, patients, perBundle, AS_OF).forEachBundle(bundles::add);
		return bundles;
	}

	private static List<Resource> resources(List<Bundle> bundles) {
		return bundles.stream().flatMap(b -> b.getEntry().stream()).map(Bundle.BundleEntryComponent::getResource).toList();
	}

	@Test
	void theSameSeedGivesTheSameBundlesByteForByte() {
		IParser parser = FHIR.newJsonParser();
		List<String> first = generate(7, 120, 50).stream().map(parser::encodeResourceToString).toList();
		List<String> second = generate(7, 120, 50).stream().map(parser::encodeResourceToString).toList();
		assertThat(first).isEqualTo(second);
		List<String> otherSeed = generate(8, 120, 50).stream().map(parser::encodeResourceToString).toList();
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void aPatientsRecordDoesNotDependOnTheBundleSize() {
		IParser parser = FHIR.newJsonParser();
		List<String> inFifties = resources(generate(7, 60, 50)).stream().map(parser::encodeResourceToString).toList();
		List<String> inTens = resources(generate(7, 60, 10)).stream().map(parser::encodeResourceToString).toList();
		assertThat(inTens).isEqualTo(inFifties);
	}

	@Test
	void theGroupHasACountyHospitalEightTownshipsAndThreeToFiveVillagesEach() {
		List<Organization> organizations = resources(generate(1, 0, 50)).stream()
				.filter(Organization.class::isInstance).map(Organization.class::cast)
				.filter(o -> !o.getIdElement().getIdPart().startsWith("qtx-")).toList(); // the neighbour group is its own
		assertThat(organizations).filteredOn(o -> "county-hospital".equals(level(o))).hasSize(1);
		List<Organization> townships = organizations.stream().filter(o -> "township-centre".equals(level(o))).toList();
		assertThat(townships).hasSize(8);
		for (Organization township : townships) {
			String reference = "Organization/" + township.getIdElement().getIdPart();
			assertThat(organizations).filteredOn(o -> reference.equals(o.getPartOf().getReference()))
					.hasSizeBetween(3, 5)
					.allSatisfy(village -> assertThat(level(village)).isEqualTo("village-clinic"));
		}
	}

	@Test
	void aSecondSmallGroupNextDoorHasItsOwnOrganisationsAndResidents() {
		List<org.hl7.fhir.r4.model.Resource> all = resources(generate(1, 0, 50));
		List<Organization> neighbours = all.stream().filter(Organization.class::isInstance).map(Organization.class::cast)
				.filter(o -> o.getIdElement().getIdPart().startsWith("qtx-")).toList();
		assertThat(neighbours).extracting(DemoGroupGeneratorTest::level).contains("group", "county-hospital", "township-centre", "village-clinic");
		assertThat(neighbours).filteredOn(o -> o.hasPartOf())
				.allSatisfy(o -> assertThat(o.getPartOf().getReference()).startsWith("Organization/qtx-"));
		assertThat(all).filteredOn(Patient.class::isInstance).extracting(r -> ((Patient) r).getManagingOrganization().getReference())
				.containsOnly("Organization/qtx-vc-01");
	}

	@Test
	void everyResidentIdIsValidUniqueAndAgreesWithBirthDateAndSex() {
		List<Patient> patients = resources(generate(DemoGroupGenerator.DEFAULT_SEED, 300, 50)).stream()
				.filter(Patient.class::isInstance).map(Patient.class::cast)
				.filter(patient -> patient.getIdElement().getIdPart().matches("jmse-pat-\\d{6}")).toList();
		assertThat(patients).as("one main registration per resident").hasSize(300);
		Set<String> seen = new HashSet<>();
		for (Patient patient : patients) {
			ResidentId id = new ResidentId(patient.getIdentifier().stream()
					.filter(i -> Systems.RESIDENT_ID.equals(i.getSystem())).findFirst().orElseThrow().getValue());
			assertThat(id.problem()).isEmpty();
			assertThat(seen.add(id.value())).as("unique %s", id.value()).isTrue();
			assertThat(id.birthDate()).contains(LocalDate.parse(patient.getBirthDateElement().getValueAsString()));
			assertThat(id.sex().name().toLowerCase()).isEqualTo(patient.getGender().toCode());
			assertThat(id.divisionCode()).isEqualTo(CountyGeography.COUNTY_CODE);
			assertThat(patient.getNameFirstRep().getText()).matches("[\\p{IsHan}·]+");
			assertThat(patient.getIdentifier()).filteredOn(i -> i.getSystem().startsWith(Systems.CANONICAL_BASE))
					.as("local record numbers").isNotEmpty();
		}
	}

	@Test
	void someResidentsAreRegisteredAgainAtTheCountyHospitalUnderTheSameResidentIdAndSomeAsWalkInsWithout() {
		List<Patient> patients = resources(generate(DemoGroupGenerator.DEFAULT_SEED, 300, 50)).stream()
				.filter(Patient.class::isInstance).map(Patient.class::cast).toList();
		java.util.Map<String, Patient> byId = new java.util.HashMap<>();
		patients.forEach(patient -> byId.put(patient.getIdElement().getIdPart(), patient));
		List<Patient> county = patients.stream().filter(p -> p.getIdElement().getIdPart().endsWith("-zy")).toList();
		List<Patient> walkIns = patients.stream().filter(p -> p.getIdElement().getIdPart().endsWith("-ls")).toList();
		assertThat(county).hasSizeGreaterThan(30);
		assertThat(walkIns).hasSize(6);
		for (Patient again : county) {
			Patient resident = byId.get(again.getIdElement().getIdPart().replace("-zy", ""));
			assertThat(residentId(again)).isEqualTo(residentId(resident));
			assertThat(again.getIdentifier()).noneMatch(i -> i.getSystem().startsWith(Systems.localRecordSystem(""))
					&& !i.getSystem().endsWith("jmse-county-hospital"));
		}
		assertThat(county).anyMatch(p -> p.getNameFirstRep().getText().contains("\u3000"));
		for (Patient walkIn : walkIns) {
			Patient resident = byId.get(walkIn.getIdElement().getIdPart().replace("-ls", ""));
			assertThat(walkIn.getIdentifier()).noneMatch(i -> Systems.RESIDENT_ID.equals(i.getSystem()));
			assertThat(walkIn.getBirthDateElement().getValueAsString()).isEqualTo(resident.getBirthDateElement().getValueAsString());
			assertThat(walkIn.getNameFirstRep().getText().replace(" ", "")).isEqualTo(resident.getNameFirstRep().getText());
		}
	}

	private static String residentId(Patient patient) {
		return patient.getIdentifier().stream().filter(i -> Systems.RESIDENT_ID.equals(i.getSystem())).findFirst()
				.orElseThrow().getValue();
	}

	@Test
	void everyReferenceResolvesToAResourceInTheSameOrAnEarlierBundle() {
		FhirTerser terser = FHIR.newTerser();
		Set<String> known = new HashSet<>();
		for (Bundle bundle : generate(3, 200, 50)) {
			bundle.getEntry().forEach(entry -> known.add(entry.getRequest().getUrl()));
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				for (Reference reference : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
					assertThat(known).as("reference from %s", entry.getRequest().getUrl()).contains(reference.getReference());
				}
			}
		}
	}

	@Test
	void theDemoHasEncountersAtEveryLevelReadingsDiagnosesReportsAndReferralsBothWays() {
		List<Resource> all = resources(generate(DemoGroupGenerator.DEFAULT_SEED, 300, 50));
		Set<String> types = new HashSet<>();
		all.forEach(resource -> types.add(resource.fhirType()));
		assertThat(types).contains("Encounter", "Observation", "Condition", "DiagnosticReport", "ServiceRequest", "Task",
				"PractitionerRole");
		Set<String> encounterSites = new HashSet<>();
		all.stream().filter(r -> r instanceof org.hl7.fhir.r4.model.Encounter).map(r -> (org.hl7.fhir.r4.model.Encounter) r)
				.forEach(e -> encounterSites.add(e.getServiceProvider().getReference().replaceAll("-\\d+(-\\d+)?$", "")));
		assertThat(encounterSites).contains("Organization/jmse-county-hospital", "Organization/jmse-tc", "Organization/jmse-vc");
		assertThat(all.stream().filter(r -> r.getIdElement().getIdPart().endsWith("-ref-up"))).isNotEmpty();
		assertThat(all.stream().filter(r -> r.getIdElement().getIdPart().endsWith("-ref-down"))).isNotEmpty();
	}

	@Test
	void aReferralBacklogRefersEachResidentInTurnFromTheirOwnTownshipAndLeavesOnlyTheLastDaysOpen() {
		DemoGroupGenerator generator = new DemoGroupGenerator(5, 40, 25, AS_OF);
		List<Bundle> group = new ArrayList<>();
		generator.forEachBundle(group::add);
		Map<String, String> homeOf = new HashMap<>();
		Map<String, String> partOf = new HashMap<>();
		for (Resource resource : resources(group)) {
			if (resource instanceof Patient patient) {
				homeOf.putIfAbsent("Patient/" + patient.getIdPart(), patient.getManagingOrganization().getReference());
			} else if (resource instanceof Organization organization) {
				partOf.put("Organization/" + organization.getIdPart(), organization.getPartOf().getReference());
			}
		}
		List<Bundle> backlog = new ArrayList<>();
		generator.forEachReferralBacklogBundle(2000, backlog::add);

		List<Task> tasks = resources(backlog).stream().filter(Task.class::isInstance).map(Task.class::cast).toList();
		assertThat(backlog).hasSize(80); // 25 referrals (50 resources) per Bundle
		assertThat(tasks).hasSize(2000).extracting(Task::getIdPart).doesNotHaveDuplicates();
		assertThat(tasks).extracting(task -> task.getFor().getReference()).containsAll(homeOf.keySet().stream()
				.filter(id -> id.matches("Patient/jmse-pat-\\d+")).toList());
		assertThat(tasks).allSatisfy(task -> {
			assertThat(task.getOwner().getReference()).isEqualTo("Organization/jmse-county-hospital");
			assertThat(task.getRequester().getReference()).isEqualTo(partOf.get(homeOf.get(task.getFor().getReference())));
		});
		// three days of three years are open: a few in 2,000, each written in the last days, every older one seen
		Date openSince = Date.from(AS_OF.minusDays(Referrals.BACKLOG_OPEN_DAYS).atStartOfDay(ChinaTime.ZONE).toInstant());
		List<Task> open = tasks.stream().filter(task -> task.getStatus() == Task.TaskStatus.REQUESTED).toList();
		assertThat(open).hasSizeBetween(1, 20).allSatisfy(task -> assertThat(task.getAuthoredOn()).isAfterOrEqualTo(openSince));
		assertThat(tasks).filteredOn(task -> task.getStatus() != Task.TaskStatus.REQUESTED)
				.allSatisfy(task -> assertThat(task.getAuthoredOn()).isBefore(openSince));
	}

	private static String level(Organization organization) {
		return organization.getTypeFirstRep().getCodingFirstRep().getCode();
	}

	@Test
	void everyTownshipCentreStocksAtLeastFiveMedicinesOfEachTwoPlusThreeDiseaseButNotAll() {
		List<ListResource> formularies = resources(generate(1, 0, 50)).stream()
				.filter(ListResource.class::isInstance).map(ListResource.class::cast).toList();
		assertThat(formularies).hasSize(CountyGeography.TOWNSHIPS.size());
		for (ListResource formulary : formularies) {
			Set<String> stocked = new HashSet<>();
			formulary.getEntry().forEach(entry -> stocked.add(entry.getItem().getReference()));
			Formularies.BY_DISEASE.forEach((disease, drugs) -> {
				long here = drugs.stream().filter(drug -> stocked.contains("Medication/" + Formularies.medicationId(drug.atc())))
						.count();
				assertThat(here).as("%s at %s", disease, formulary.getTitle()).isGreaterThanOrEqualTo(5).isLessThan(drugs.size());
			});
		}
	}

	@Test
	void theCountyReservesExpertNumbersAndBedsForTheNextTwoWeeks() {
		List<Slot> slots = resources(generate(1, 0, 50)).stream()
				.filter(Slot.class::isInstance).map(Slot.class::cast).toList();
		assertThat(slots).allSatisfy(slot -> assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE));
		assertThat(slots).extracting(slot -> slot.getServiceTypeFirstRep().getCodingFirstRep().getCode())
				.contains("expert-number", "bed");
		assertThat(slots).allSatisfy(slot -> assertThat(slot.getStart()).isAfter(java.sql.Date.valueOf(AS_OF)));
	}

	@Test
	void tomorrowsCapacityKeepsTodaysSlotIdsSoATopUpAddsOnlyTheNewDay() {
		Set<String> today = slotIds(new DemoGroupGenerator(1, 0, 50, AS_OF).greenChannelCapacity());
		Set<String> tomorrow = slotIds(new DemoGroupGenerator(1, 0, 50, AS_OF.plusDays(1)).greenChannelCapacity());

		Set<String> added = new HashSet<>(tomorrow);
		added.removeAll(today);
		assertThat(added).isNotEmpty().allSatisfy(id -> assertThat(id).contains("20261210"));
		assertThat(tomorrow).containsAll(today.stream().filter(id -> !id.contains("20261126")).toList());
	}

	private static Set<String> slotIds(Bundle capacity) {
		Set<String> ids = new HashSet<>();
		capacity.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Slot.class::isInstance)
				.forEach(slot -> ids.add(slot.getIdElement().getIdPart()));
		return ids;
	}
}
