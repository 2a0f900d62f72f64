package org.onesheet.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the server's own writes at the end of a transaction (the chronic grading, the audit trail) as HAPI runs
 * a Bundle's: one flush first, then Hibernate flushing only at commit. Just before commit the session holds all
 * a Bundle wrote, index rows included; left in Hibernate's AUTO mode, every query of those writes (a search,
 * a reference check, a tag look-up) would first dirty-check every one of those entities, and a Bundle of a few
 * hundred resources took minutes (README, Performance, "Found by the benchmark").
 *
 * <p>Safe because the work runs after that flush: what it queries is in the database, and what it writes
 * itself it keeps track of (the transaction's resolved ids and tag definitions, HAPI's own bookkeeping).
 */
@Component
public class CommitFlushMode {

	@PersistenceContext
	private EntityManager entityManager;

	public void run(Runnable work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			work.run();
			return;
		}
		entityManager.flush();
		FlushModeType before = entityManager.getFlushMode();
		entityManager.setFlushMode(FlushModeType.COMMIT);
		try {
			work.run();
		} finally {
			entityManager.setFlushMode(before);
		}
	}
}
