package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.security.AuditQueue.Queued;
import org.onesheet.system.CommitFlushMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the queued audit events ({@link AuditQueue}) as FHIR AuditEvents: every node in the background, a
 * batch per transaction (the events created, their rows deleted: both or neither), taking only rows no other
 * node holds ({@code FOR UPDATE SKIP LOCKED}), so two nodes never store one event twice. Before a request that
 * reads audit events, everything queued until then is stored first, waiting for other nodes' batches in flight:
 * whoever asks who looked at a record sees every access committed before the question, on any node.
 */
@Component
@Interceptor
public class AuditQueueDrain implements FhirServerPlugin {

	private static final int BATCH = 200;
	/** How long an audit read waits for other nodes' batches before it gives up with an error. */
	private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);
	private static final Set<String> LOCK_WAITS = Set.of("HYT00", "55P03", "40P01");
	private static final Logger log = LoggerFactory.getLogger(AuditQueueDrain.class);

	private final AuditQueue queue;
	private final DaoRegistry daos;
	private final CommitFlushMode commitFlushMode;
	private final TransactionTemplate ownTransaction;

	public AuditQueueDrain(AuditQueue queue, DaoRegistry daos, CommitFlushMode commitFlushMode,
			PlatformTransactionManager transactions) {
		this.queue = queue;
		this.daos = daos;
		this.commitFlushMode = commitFlushMode;
		this.ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Scheduled(initialDelayString = "${onesheet.security.audit-drain-every:PT1S}",
			fixedDelayString = "${onesheet.security.audit-drain-every:PT1S}")
	public void inBackground() {
		drain(Long.MAX_VALUE, true);
	}

	/** Stores every event queued and committed before this call, by this node or another; returns how many it stored. */
	public int everythingQueued() {
		return drain(queue.newestId(), false);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void beforeAuditIsRead(RequestDetails request) {
		if (readsAudit(request)) {
			everythingQueued();
		}
	}

	/** {@code AuditEvent?…}, {@code AuditEvent/<id>}, or any request naming the type ({@code _revinclude}, {@code _type}). */
	private static boolean readsAudit(RequestDetails request) {
		return "AuditEvent".equals(request.getResourceName()) || request.getParameters().values().stream()
				.flatMap(Arrays::stream).anyMatch(value -> value != null && value.contains("AuditEvent"));
	}

	private int drain(long upTo, boolean skipLocked) {
		int stored = 0;
		int batch = BATCH;
		long giveUpAt = System.nanoTime() + LOCK_PATIENCE.toNanos();
		while (true) {
			Outcome outcome;
			try {
				outcome = nextBatch(upTo, batch, skipLocked);
			} catch (RuntimeException e) {
				if (skipLocked || !isLockWait(e) || System.nanoTime() > giveUpAt) {
					throw e;
				}
				continue; // another node's batch held the rows longer than the database waits (H2: 1 s); they are gone now
			}
			if (outcome.failed() != null && batch > 1) {
				batch = 1; // which event failed is found one at a time; the others go through
			} else if (outcome.failed() != null) {
				log.error("Audit event {} could not be stored (attempt {} of {}): {}", outcome.failed().id(),
						outcome.failed().attempts() + 1, AuditQueue.MAX_ATTEMPTS, outcome.reason());
				queue.countFailure(outcome.failed(), outcome.reason());
			} else if (outcome.stored() == 0) {
				return stored;
			} else {
				stored += outcome.stored();
			}
		}
	}

	/** One transaction: lock up to {@code size} rows, store their events, delete the rows. */
	private Outcome nextBatch(long upTo, int size, boolean skipLocked) {
		return ownTransaction.execute(status -> {
			List<Queued> rows = queue.lock(upTo, size, skipLocked);
			if (rows.isEmpty()) {
				return new Outcome(0, null, null);
			}
			try {
				store(rows);
				queue.remove(rows);
				return new Outcome(rows.size(), null, null);
			} catch (RuntimeException e) {
				status.setRollbackOnly();
				return new Outcome(0, rows.get(0), e.getClass().getSimpleName() + ": " + e.getMessage());
			}
		});
	}

	/** A lock wait that ran out (H2's lock timeout, PostgreSQL's lock_timeout) or a deadlock the database broke. */
	private static boolean isLockWait(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && LOCK_WAITS.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private record Outcome(int stored, Queued failed, String reason) {
	}

	/**
	 * In the drain's transaction, one flush and then commit-flush mode ({@link CommitFlushMode}); the batch's
	 * events share one {@link TransactionDetails}, so an organisation or patient many of them name is looked up
	 * once per batch.
	 */
	private void store(List<Queued> rows) {
		IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
		TransactionDetails resolved = new TransactionDetails();
		commitFlushMode.run(() -> rows.forEach(row -> dao.create(event(row), null, true, new SystemRequestDetails(), resolved)));
	}

	/**
	 * A retried event names what it recorded by identifier instead of by reference: what failed it is nearly
	 * always a resource deleted between the access and the drain, which the server's reference check refuses.
	 */
	private AuditEvent event(Queued row) {
		AuditEvent event = queue.parse(row);
		if (row.attempts() > 0) {
			AuditTrail.nameInsteadOfReferring(event, entity -> true);
		}
		return event;
	}
}
