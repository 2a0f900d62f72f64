package org.onesheet.group.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.group.demo.DemoGroup.Site;

/**
 * Writes the demo county group as FHIR transaction bundles, in an order where every bundle references only
 * itself and earlier ones: organisations, then staff, then patients in chunks, then, in chunks again, the
 * registrations other clinics made later of the same residents (the county hospital's, walk-ins').
 *
 * <p>Deterministic: the same seed, patient count and as-of date give the same bundles, byte for byte.
 * Every entry is a PUT to a fixed id, so loading the same bundles twice (two nodes starting together,
 * a retried load) converges on one copy instead of duplicating the group.
 */
public final class DemoGroupGenerator {

	public static final long DEFAULT_SEED = 652327L;
	public static final int DEFAULT_PATIENTS = 300;
	public static final int DEFAULT_PATIENTS_PER_BUNDLE = 50;
	/** The group Organization's id: its presence tells a loader the demo group is already there. */
	public static final String GROUP_ORGANIZATION_ID = DemoGroup.GROUP_ID;

	private final long seed;
	private final int patients;
	private final int patientsPerBundle;
	private final LocalDate asOf;

	public DemoGroupGenerator(long seed, int patients, int patientsPerBundle, LocalDate asOf) {
		if (patients < 0 || patientsPerBundle < 1) {
			throw new IllegalArgumentException("patients must be >= 0 and patients per bundle >= 1");
		}
		this.seed = seed;
		this.patients = patients;
		this.patientsPerBundle = patientsPerBundle;
		this.asOf = asOf;
	}

	/** Hands each bundle to the sink as soon as it is built, so 100,000 patients never sit in memory. */
	public void forEachBundle(Consumer<Bundle> sink) {
		forEachBundle(sink, () -> {});
	}

	/**
	 * As {@link #forEachBundle(Consumer)}, running {@code beforeLaterRegistrations} between the residents' first
	 * registrations and the later ones, e.g. to let MDM link the first ones before the later ones arrive.
	 * The later registrations are generated again from the same seeds rather than kept in memory.
	 */
	public void forEachBundle(Consumer<Bundle> sink, Runnable beforeLaterRegistrations) {
		DemoGroup group = new DemoGroup(new Random(seed));
		sink.accept(transaction(group.organizations()));
		sink.accept(neighbourGroup());
		sink.accept(transaction(group.staff()));
		sink.accept(transaction(new GreenChannelCapacity(group, asOf).resources()));
		sink.accept(transaction(Formularies.resources(group)));
		forEachResidentChunk(group, PatientRecords.Resident::first, sink);
		beforeLaterRegistrations.run();
		forEachResidentChunk(group, PatientRecords.Resident::later, sink);
	}

	/**
	 * A backlog of {@code referrals} more upward referrals (ServiceRequest and Task each) of the residents, in turn,
	 * {@code patientsPerBundle} referrals to a Bundle, to load after the group: how the inbox and the worklist answer
	 * when the Task table holds years of referrals.
	 */
	public void forEachReferralBacklogBundle(int referrals, Consumer<Bundle> sink) {
		if (patients == 0 && referrals > 0) {
			throw new IllegalArgumentException("a referral backlog needs residents to refer");
		}
		DemoGroup group = new DemoGroup(new Random(seed));
		PatientRecords records = new PatientRecords(group, asOf, new HashSet<>());
		Referrals backlog = new Referrals(group, asOf);
		List<Resource> chunk = new ArrayList<>();
		for (int n = 1; n <= referrals; n++) {
			int index = 1 + (n - 1) % patients;
			Site village = records.homeVillage(residentRandom(index));
			Site township = group.site(DemoGroup.townshipCentreId(village.township()));
			chunk.addAll(backlog.backlog(PatientRecords.patientId(index), township, n, new Random(seed * 7_919L + n)));
			if (n % patientsPerBundle == 0 || n == referrals) {
				sink.accept(transaction(chunk));
				chunk = new ArrayList<>();
			}
		}
	}

	private Random residentRandom(int index) {
		return new Random(seed * 1_000_003L + index);
	}

	private void forEachResidentChunk(DemoGroup group, Function<PatientRecords.Resident, List<Resource>> part,
			Consumer<Bundle> sink) {
		PatientRecords records = new PatientRecords(group, asOf, new HashSet<>());
		List<Resource> chunk = new ArrayList<>();
		for (int index = 1; index <= patients; index++) {
			// One generator per patient: a patient's record does not depend on the bundle size.
			chunk.addAll(part.apply(records.patient(index, residentRandom(index))));
			if ((index % patientsPerBundle == 0 || index == patients) && !chunk.isEmpty()) {
				sink.accept(transaction(chunk));
				chunk = new ArrayList<>();
			}
		}
	}

	/** The second, small county group next door, whose patients no client of this one sees. */
	public Bundle neighbourGroup() {
		List<Resource> resources = new ArrayList<>(NeighbourGroup.organizations());
		resources.addAll(NeighbourGroup.patients(asOf));
		return transaction(resources);
	}

	/** The green channel's reserved capacity for the two weeks after the as-of date, as PUTs to fixed ids. */
	public Bundle greenChannelCapacity() {
		return transaction(new GreenChannelCapacity(new DemoGroup(new Random(seed)), asOf).resources());
	}

	static Bundle transaction(List<Resource> resources) {
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.TRANSACTION);
		for (Resource resource : resources) {
			String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			bundle.addEntry()
					.setFullUrl(url)
					.setResource(resource)
					.getRequest()
					.setMethod(Bundle.HTTPVerb.PUT)
					.setUrl(url);
		}
		return bundle;
	}
}
