package org.onesheet.chronic;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The readings one database transaction brings, by patient, graded together just before it commits. A
 * clinic's Bundle carries several visits of a patient; grading after each reading searched the history and
 * stored the plan once per reading, most of a load's time (README, Performance). Graded once, the plan, its
 * Flag and any proposal end as the last reading leaves them, and a grade that a later reading of the same
 * Bundle overturns never raises a Flag.
 *
 * <p>Kept on the transaction ({@link InTransaction}, forgotten when it ends), never in the JVM: a retried
 * request starts again from nothing, and another node knows nothing of it.
 */
final class ArrivingReadings {

	private static final String KEY = "arriving-readings";

	private final Map<String, List<Observation>> byPatient = new LinkedHashMap<>();

	private ArrivingReadings() {
	}

	/**
	 * Adds a reading of {@code patient}. The first reading of a transaction arranges for {@code grade} to run
	 * once before the commit, inside the transaction; outside one (no synchronisation), it runs at once.
	 */
	static void add(TransactionDetails transaction, String patient, Observation reading,
			Consumer<ArrivingReadings> grade) {
		if (transaction == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
			ArrivingReadings alone = new ArrivingReadings();
			alone.byPatient.put(patient, new ArrayList<>(List.of(reading)));
			grade.accept(alone);
			return;
		}
		ArrivingReadings pending = InTransaction.get(transaction, KEY, ArrivingReadings.class).orElse(null);
		if (pending == null) {
			ArrivingReadings registered = InTransaction.put(transaction, KEY, new ArrivingReadings());
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					grade.accept(registered);
				}
			});
			pending = registered;
		}
		pending.byPatient.computeIfAbsent(patient, key -> new ArrayList<>()).add(reading);
	}

	Map<String, List<Observation>> byPatient() {
		return byPatient;
	}
}
