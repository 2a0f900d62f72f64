package org.onesheet.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit events of one database transaction's writes, queued together just before it commits
 * ({@link AuditQueue}): in the same transaction as the writes (both or neither), as one batch of inserts.
 * Created one by one as each write happened, every event's references (the resource, its patient, the
 * organisation) were looked up in the database again, each look-up first dirty-checking the whole session: in
 * the profile of the Synthea load (Bundles of thousands of resources) most of the audit trail's time (README,
 * Performance).
 *
 * <p>Bound to the Spring transaction ({@link TransactionSynchronizationManager}), on this thread, for as long
 * as the transaction runs; never in the JVM beyond it, so another node needs nothing of it.
 */
final class AuditAtCommit {

	private final List<AuditEvent> events = new ArrayList<>();

	private AuditAtCommit() {
	}

	/**
	 * Opens the current transaction's batch at its first audited write; {@code store} then runs once before
	 * the commit. Outside a transaction nothing is opened, and an event is queued at once.
	 */
	static void open(Consumer<List<AuditEvent>> store) {
		if (current().isPresent() || !TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		AuditAtCommit batch = new AuditAtCommit();
		TransactionSynchronizationManager.bindResource(AuditAtCommit.class, batch);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				// closed first: what is audited from here on (nothing of these writes) is queued at once
				TransactionSynchronizationManager.unbindResourceIfPossible(AuditAtCommit.class);
				store.accept(batch.events);
			}

			@Override
			public void afterCompletion(int status) {
				// a rolled-back transaction never reached beforeCommit: its events go with its writes
				TransactionSynchronizationManager.unbindResourceIfPossible(AuditAtCommit.class);
			}
		});
	}

	/** The batch of the transaction running on this thread, if a write of it opened one. */
	static Optional<AuditAtCommit> current() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return Optional.empty();
		}
		return Optional.ofNullable((AuditAtCommit) TransactionSynchronizationManager.getResource(AuditAtCommit.class));
	}

	void add(AuditEvent event) {
		events.add(event);
	}
}
