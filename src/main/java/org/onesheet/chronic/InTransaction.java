package org.onesheet.chronic;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the grading keeps on the database transaction, forgotten when it ends: the readings still to grade
 * ({@link ArrivingReadings}), and what it wrote earlier in the same transaction (a Bundle with several readings
 * of one patient), since searches inside the transaction may not see it yet: the latest plan, Flag and proposal
 * are preferred to what a search returns.
 */
final class InTransaction {

	private InTransaction() {
	}

	static <T> Optional<T> get(TransactionDetails transaction, String key, Class<T> type) {
		Object kept = transaction == null ? null : transaction.getUserData(key(key));
		return type.isInstance(kept) ? Optional.of(type.cast(kept)) : Optional.empty();
	}

	static <T> T put(TransactionDetails transaction, String key, T value) {
		if (transaction != null) {
			transaction.putUserData(key(key), value);
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				// Forgotten when the database transaction ends: a retried request starts again from what is stored.
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						transaction.putUserData(key(key), null);
					}
				});
			}
		}
		return value;
	}

	private static String key(String key) {
		return InTransaction.class.getName() + "/" + key;
	}
}
