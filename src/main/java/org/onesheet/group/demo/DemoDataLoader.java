package org.onesheet.group.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.onesheet.config.OneSheetProperties;
import org.onesheet.security.GroupScope;
import org.onesheet.system.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo county group at start-up, unless {@code onesheet.demo-data=false};
 * on a database that has it, tops up the green channel's reserved capacity for the coming two weeks.
 * On PostgreSQL nodes load one at a time ({@code StartupSchemaLock}); the PUTs to fixed ids make a reload
 * after an interrupted one complete it rather than duplicate it.
 */
@Component
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
	/** Long enough for MDM to link a few hundred registrations on a loaded two-core machine. */
	private static final Duration MDM_CATCH_UP = Duration.ofMinutes(2);

	private final OneSheetProperties properties;
	private final DaoRegistry daoRegistry;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final GroupScope groupScope;
	private final MdmCatchUp mdmCatchUp;

	public DemoDataLoader(OneSheetProperties properties, DaoRegistry daoRegistry, IFhirSystemDao<Bundle, ?> systemDao,
			GroupScope groupScope, MdmCatchUp mdmCatchUp) {
		this.properties = properties;
		this.mdmCatchUp = mdmCatchUp;
		this.groupScope = groupScope;
		this.daoRegistry = daoRegistry;
		this.systemDao = systemDao;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData()) {
			return;
		}
		if (isLoaded(DemoLoadReceipt.id(DemoGroupGenerator.DEFAULT_SEED, properties.demoPatients()))) {
			topUpGreenChannelCapacity();
			addNeighbourGroupIfMissing();
			return;
		}
		DemoGroupGenerator generator = new DemoGroupGenerator(DemoGroupGenerator.DEFAULT_SEED, properties.demoPatients(),
				DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE, LocalDate.now(ChinaTime.ZONE));
		long started = System.nanoTime();
		AtomicInteger resources = new AtomicInteger();
		AtomicInteger patients = new AtomicInteger();
		generator.forEachBundle(bundle -> {
			store(bundle);
			resources.addAndGet(bundle.getEntry().size());
			patients.addAndGet((int) bundle.getEntry().stream().filter(entry -> entry.getResource() instanceof Patient).count());
		}, () -> mdmCatchUp.awaitLinks(patients.get(), MDM_CATCH_UP));
		Provenance receipt = DemoLoadReceipt.of(DemoGroupGenerator.DEFAULT_SEED, properties.demoPatients());
		GroupScope.tag(receipt, "Organization/" + DemoGroupGenerator.GROUP_ORGANIZATION_ID);
		daoRegistry.getResourceDao(Provenance.class).update(receipt, new SystemRequestDetails());
		log.info("Loaded the demo county group: {} patients, {} resources in {} ms", properties.demoPatients(),
				resources.get(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Adds the reserved Slots (and their Schedules and Locations) of the coming two weeks that are not there
	 * yet, so that the green channel of a demo database loaded long ago can still book. What exists is left
	 * alone: a booked slot must stay busy.
	 */
	private void topUpGreenChannelCapacity() {
		Bundle capacity = new DemoGroupGenerator(DemoGroupGenerator.DEFAULT_SEED, 0,
				DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE, LocalDate.now(ChinaTime.ZONE)).greenChannelCapacity();
		Map<String, List<Bundle.BundleEntryComponent>> byType = capacity.getEntry().stream()
				.collect(Collectors.groupingBy(entry -> entry.getResource().fhirType()));
		Bundle missing = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		byType.forEach((type, entries) -> {
			TokenOrListParam ids = new TokenOrListParam();
			entries.forEach(entry -> ids.addOr(new TokenParam(entry.getResource().getIdElement().getIdPart())));
			Set<String> existing = daoRegistry.getResourceDao(type)
					.search(SearchParameterMap.newSynchronous().add("_id", ids), new SystemRequestDetails())
					.getAllResources().stream().map(resource -> resource.getIdElement().getIdPart())
					.collect(Collectors.toSet());
			entries.stream().filter(entry -> !existing.contains(entry.getResource().getIdElement().getIdPart()))
					.forEach(missing::addEntry);
		});
		if (!missing.getEntry().isEmpty()) {
			store(missing);
			log.info("Topped up the demo green channel: {} reserved slots, schedules or places added",
					missing.getEntry().size());
		}
	}

	/** A database loaded before the second group existed gets it (its ids are fixed: a PUT of each). */
	private void addNeighbourGroupIfMissing() {
		try {
			daoRegistry.getResourceDao("Patient").read(new IdType("Patient", NeighbourGroup.patientId(NeighbourGroup.PATIENTS)),
					new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			store(new DemoGroupGenerator(DemoGroupGenerator.DEFAULT_SEED, 0, DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE,
					LocalDate.now(ChinaTime.ZONE)).neighbourGroup());
		}
	}

	/** Loaded means complete: the receipt written after the last Bundle is there. */
	private boolean isLoaded(IdType receipt) {
		try {
			daoRegistry.getResourceDao(Provenance.class).read(receipt, new SystemRequestDetails());
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
	}

	private void store(Bundle bundle) {
		// Each record of the demo says which county group it belongs to, as a clinic's write would (GroupTags
		// would find out from the patient, at a read per resource).
		bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(groupScope::isScoped)
				.forEach(resource -> GroupScope.tag(resource, resource.getIdElement().getIdPart().startsWith(NeighbourGroup.ID_PREFIX)
						? "Organization/" + NeighbourGroup.GROUP_ID : "Organization/" + DemoGroupGenerator.GROUP_ORGANIZATION_ID));
		systemDao.transaction(new SystemRequestDetails(), bundle);
	}
}
