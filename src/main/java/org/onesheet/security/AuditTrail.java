package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Every read, search, create, update and delete by a client writes an IHE BALP AuditEvent (HAPI's
 * {@link BalpAuditCaptureInterceptor}) naming the client, the organisation it acts for and each patient
 * whose data was touched. The event is queued in the database ({@link AuditQueue}) before the response goes
 * out: for a write in the same transaction as the write (both or neither: the transaction's events are queued
 * just before it commits, {@link AuditAtCommit}), for a read or search in the transaction the page was loaded
 * in. {@link AuditQueueDrain} stores it as a FHIR AuditEvent moments later, and at once before anyone reads
 * the audit trail. HAPI's default sink queues events in memory and loses them in a crash; here nothing is
 * lost. The event carries the reader's group tag, and when the reader was a guest from another group, the
 * patient's groups' too, so that the patient's own group sees in {@code AuditEvent?patient=...} who from
 * outside looked.
 */
@Component
public class AuditTrail implements IBalpAuditEventSink, IBalpAuditContextServices {

	/** The identifier system of OAuth client ids in audit events. */
	public static final String CLIENT_ID_SYSTEM = Systems.CANONICAL_BASE + "/sid/oauth-client";

	private final AuditQueue queue;
	/** The events of the page being shown on this thread, collected while HAPI's BALP interceptor makes them. */
	private final ThreadLocal<List<AuditEvent>> shownPage = new ThreadLocal<>();

	public AuditTrail(AuditQueue queue, IInterceptorService storageInterceptors, SecurityProperties properties) {
		this.queue = queue;
		storageInterceptors.registerInterceptor(this);
		if (!properties.audit()) {
			return;
		}
		storageInterceptors.registerInterceptor(new ClientRequestsOnly(new BalpAuditCaptureInterceptor(this, this), this));
	}

	/**
	 * HAPI's BALP interceptor assumes every request comes over HTTP; the server's own reads and writes (demo
	 * load, jobs, this trail's own events) reach its hooks without a servlet request, and it fails on them.
	 * They are no client's access, so this wrapper hands BALP only client requests. Its read hook is
	 * package-private in HAPI 8.8, hence the method handle. A write's event waits for its transaction's commit
	 * ({@link AuditAtCommit}).
	 */
	static final class ClientRequestsOnly {

		private static final MethodHandle PRESHOW;

		static {
			try {
				PRESHOW = MethodHandles.privateLookupIn(BalpAuditCaptureInterceptor.class, MethodHandles.lookup())
						.findVirtual(BalpAuditCaptureInterceptor.class, "hookStoragePreShowResources", MethodType.methodType(
								void.class, IPreResourceShowDetails.class, ServletRequestDetails.class));
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException("HAPI's BALP interceptor changed: " + e.getMessage(), e);
			}
		}

		private final BalpAuditCaptureInterceptor balp;
		private final AuditTrail trail;

		ClientRequestsOnly(BalpAuditCaptureInterceptor balp, AuditTrail trail) {
			this.balp = balp;
			this.trail = trail;
		}

		/** A page's events (one per patient shown) are queued together, in the transaction the page was loaded in. */
		@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
		public void shown(IPreResourceShowDetails details, RequestDetails request) throws Throwable {
			if (!(request instanceof ServletRequestDetails client)) {
				return;
			}
			List<AuditEvent> page = new ArrayList<>();
			trail.shownPage.set(page);
			try {
				PRESHOW.invoke(balp, details, client);
			} finally {
				trail.shownPage.remove();
			}
			trail.queue.enqueue(page);
		}

		@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
		public void created(IBaseResource resource, RequestDetails request) {
			if (request instanceof ServletRequestDetails client) {
				AuditAtCommit.open(trail.queue::enqueue);
				balp.hookStoragePrecommitResourceCreated(resource, client);
			}
		}

		@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
		public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
			if (request instanceof ServletRequestDetails client) {
				AuditAtCommit.open(trail.queue::enqueue);
				balp.hookStoragePrecommitResourceUpdated(previous, resource, client);
			}
		}

		@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
		public void deleted(IBaseResource resource, RequestDetails request) {
			if (request instanceof ServletRequestDetails client) {
				AuditAtCommit.open(trail.queue::enqueue);
				balp.hookStoragePrecommitResourceDeleted(resource, client);
			}
		}
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		// BALP gives every event the same narrative, "Audit Event", which says nothing the event does not; as XHTML
		// it was parsed again each time the event was read back and written (a tenth of the drain's CPU: README)
		event.setText(null);
		// BALP takes every reference in a Patient-compartment parameter for a patient: an Observation's performer
		// organisation too, which gives a second "patient read" naming the hospital. Only Patients are patients.
		boolean namedPatients = event.getEntity().stream().anyMatch(AuditTrail::isPatientEntity);
		event.getEntity().removeIf(entity -> isPatientEntity(entity) && !entity.getWhat().getReference().startsWith("Patient/"));
		if (namedPatients && event.getEntity().stream().noneMatch(AuditTrail::isPatientEntity)) {
			return; // only a non-patient taken for one (see above): the real patient's event is recorded on its own
		}
		ActingClient.current().map(ActingClient::group).filter(group -> group != null)
				.ifPresent(group -> GroupScope.tag(event, group));
		guestOf().forEach(group -> GroupScope.tag(event, group));
		if (event.getAction() == AuditEvent.AuditEventAction.D) {
			// the deleted resource can no longer be referenced (the server checks every reference); it is named instead
			Set<String> deleted = event.getEntity().stream().filter(entity -> "4".equals(entity.getRole().getCode()))
					.map(entity -> entity.getWhat().getReference()).filter(reference -> reference != null)
					.collect(Collectors.toSet());
			nameInsteadOfReferring(event, entity -> deleted.contains(entity.getWhat().getReference()));
		}
		Optional<AuditAtCommit> writes = AuditAtCommit.current();
		List<AuditEvent> page = shownPage.get();
		if (writes.isPresent()) {
			writes.get().add(event);
		} else if (page != null) {
			page.add(event);
		} else {
			queue.enqueue(List.of(event));
		}
	}

	/** The entities chosen are named by identifier (their reference as a URI) instead of referred to. */
	static void nameInsteadOfReferring(AuditEvent event, Predicate<AuditEvent.AuditEventEntityComponent> which) {
		event.getEntity().stream().filter(entity -> entity.getWhat().hasReference()).filter(which).forEach(entity -> {
			entity.getWhat().getIdentifier().setSystem("urn:ietf:rfc:3986").setValue(entity.getWhat().getReference());
			entity.getWhat().setReference(null);
		});
	}

	@Override
	public Reference getAgentClientWho(RequestDetails request) {
		Optional<ActingClient> client = ActingClient.current();
		Reference who = new Reference();
		client.ifPresent(c -> who.getIdentifier().setSystem(CLIENT_ID_SYSTEM).setValue(c.clientId()));
		who.setDisplay(client.map(ActingClient::clientId).orElse("anonymous"));
		return who;
	}

	/**
	 * That a resource was once read or written never keeps it from being deleted: the server's delete check
	 * (referential integrity) skips references from audit events, which keep naming what is gone. (HAPI's
	 * {@code setEnforceReferentialIntegrityOnDeleteDisableForPaths} looks the same but is read by
	 * {@code $delete-expunge} only.)
	 */
	@Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
	public DeleteConflictOutcome auditDoesNotHoldOn(DeleteConflictList conflicts) {
		conflicts.removeIf(conflict -> "AuditEvent".equals(conflict.getSourceId().getResourceType()));
		return null;
	}

	/** When a guest (an out-of-group referral's receiver) saw a patient, the patient's own groups see the event too. */
	@SuppressWarnings("unchecked")
	private static Set<String> guestOf() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object groups = request == null ? null : request.getAttribute(GroupBoundary.GUEST_OF, RequestAttributes.SCOPE_REQUEST);
		return groups instanceof Set<?> set ? (Set<String>) set : Set.of();
	}

	private static boolean isPatientEntity(AuditEvent.AuditEventEntityComponent entity) {
		return "1".equals(entity.getRole().getCode()) && entity.getWhat().hasReference();
	}

	/** {@code Patient/<id>}, not the absolute URL HAPI's default gives (which the server would take for an external reference). */
	@Override
	public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType id) {
		return id.toUnqualifiedVersionless().getValue();
	}

	@Override
	public Reference getAgentUserWho(RequestDetails request) {
		return ActingClient.current().map(ActingClient::organization).filter(org -> org != null)
				.map(Reference::new).orElseGet(() -> new Reference().setDisplay("unknown organisation"));
	}
}
