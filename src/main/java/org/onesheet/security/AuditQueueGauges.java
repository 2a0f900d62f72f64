package org.onesheet.security;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The audit outbox on the operators' dashboards ({@code /actuator/prometheus}): how many events wait to be
 * stored as AuditEvents (a number that keeps growing means the nodes' drains do not keep up), and how many
 * gave up after {@link AuditQueue#MAX_ATTEMPTS} failures and wait for an operator (anything above zero is an
 * alert: an access is on record only as a row of JSON, not yet in {@code AuditEvent?patient=...}).
 */
@Component
public class AuditQueueGauges {

	public AuditQueueGauges(AuditQueue queue, MeterRegistry registry) {
		Gauge.builder("onesheet.audit.queue.waiting", queue, AuditQueue::waiting)
				.description("Audit events written but not yet stored as AuditEvents").baseUnit("events").register(registry);
		Gauge.builder("onesheet.audit.queue.failed", queue, AuditQueue::failed)
				.description("Audit events whose storing failed " + AuditQueue.MAX_ATTEMPTS + " times; see OS_AUDIT_QUEUE.LAST_ERROR")
				.baseUnit("events").register(registry);
	}
}
