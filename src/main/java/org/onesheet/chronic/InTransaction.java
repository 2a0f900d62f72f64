package org.onesheet.chronic;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the grading wrote earlier in the same database transaction (a Bundle with several readings of one
 * patient): searches inside the transaction may not see it yet, so the latest plan, Flag and proposal are
 * kept on the transaction and preferred to what a search returns.
 */
final class InTransaction {

	private InTransaction() {
	}

	static <T extends Resource> Optional<T> get(TransactionDetails transaction, String key, Class<T> type) {
		Object kept = transaction == null ? null : transaction.getUserData(key(key));
		return type.isInstance(kept) ? Optional.of(type.cast(kept)) : Optional.empty();
	}

	static <T extends Resource> T put(TransactionDetails transaction, String key, T resource) {
		if (transaction != null) {
			transaction.putUserData(key(key), resource);
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
		return resource;
	}

	private static String key(String key) {
		return InTransaction.class.getName() + "/" + key;
	}
}
