package org.onesheet.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writes of one database transaction are audited as one AuditEvent per patient and kind of write, naming
 * every resource written: a member's transaction Bundle of 600 entries for 50 residents is 50-odd events, not
 * 600 (the audit inserts were a quarter of a bulk load's time; README, Performance). The events are stored
 * just before the commit, in the same transaction as the writes, so a write is still never on file without
 * its event nor the other way round. Kept per transaction (bound to the thread that runs it): nothing is
 * held between requests or shared with another node.
 */
final class AuditPerTransaction {

	private static final Object PENDING = AuditPerTransaction.class;

	private AuditPerTransaction() {
	}

	/**
	 * Holds the event for the commit of the current transaction, merged into one already held for the same
	 * patients and kind of write.
	 *
	 * @return false when no transaction is running: the caller stores the event at once
	 */
	@SuppressWarnings("unchecked")
	static boolean holdUntilCommit(AuditEvent event, Consumer<AuditEvent> store) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		Map<String, AuditEvent> pending = (Map<String, AuditEvent>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			Map<String, AuditEvent> held = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(PENDING, held);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
					held.values().forEach(store);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				}
			});
			pending = held;
		}
		AuditEvent same = pending.putIfAbsent(key(event), event);
		if (same != null) {
			event.getEntity().stream().filter(entity -> !isPatient(entity)).forEach(same::addEntity);
		}
		return true;
	}

	private static String key(AuditEvent event) {
		String patients = event.getEntity().stream().filter(AuditPerTransaction::isPatient)
				.map(entity -> entity.getWhat().getReference()).collect(Collectors.toCollection(TreeSet::new)).toString();
		return event.getAction() + "|" + event.getType().getCode() + "|"
				+ event.getSubtype().stream().map(coding -> coding.getCode()).toList() + "|" + patients;
	}

	private static boolean isPatient(AuditEvent.AuditEventEntityComponent entity) {
		return "1".equals(entity.getRole().getCode());
	}
}
