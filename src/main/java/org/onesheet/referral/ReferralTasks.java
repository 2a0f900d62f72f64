package org.onesheet.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Tells a brokered Task (one whose focus is a referral or consultation ServiceRequest) from any other Task.
 *
 * <p>A clinic posts the ServiceRequest and its Task in one transaction, and while that transaction runs the
 * ServiceRequest cannot yet be read back by id. A focus POSTed in the same bundle is still attached to the
 * reference; one PUT in it is remembered in the transaction's {@link TransactionDetails} (so it must come
 * before its Task in the bundle); anything else is read from the database.
 */
@Component
@Interceptor
public class ReferralTasks {

	private static final String STORED_REFERRALS = ReferralTasks.class.getName() + ".storedReferrals";
	private static final String READ_FOCI = ReferralTasks.class.getName() + ".readFoci";

	private final DaoRegistry daos;

	public ReferralTasks(DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource, TransactionDetails transaction) {
		remember(resource, transaction);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
		remember(resource, transaction);
	}

	private static void remember(IBaseResource resource, TransactionDetails transaction) {
		if (transaction != null && resource instanceof ServiceRequest request && ReferralCategory.isBrokered(request)) {
			transaction.<List<ServiceRequest>>getOrCreateUserData(STORED_REFERRALS, ArrayList::new).add(request);
		}
	}

	/** Whether the Task's focus is a referral or consultation request (one this server brokers). */
	public boolean isBrokered(Task task, TransactionDetails transaction) {
		return focus(task, transaction).map(ReferralCategory::isBrokered).orElse(false);
	}

	/** The request a brokered Task is focused on, wherever it is in this transaction. */
	public ServiceRequest focusOf(Task task, TransactionDetails transaction) {
		return focus(task, transaction).orElseThrow(() -> new ResourceNotFoundException(
				"no ServiceRequest " + task.getFocus().getReference() + " (the Task's focus)"));
	}

	/**
	 * Asked several times per Task write (its implied profile, its state machine, booking, feedback, its
	 * Provenance), so what a database read found is kept for the rest of the transaction.
	 */
	private Optional<ServiceRequest> focus(Task task, TransactionDetails transaction) {
		if (task.getFocus().getResource() instanceof ServiceRequest inBundle) {
			return Optional.of(inBundle); // a POST in a transaction, still urn:uuid here
		}
		IdType focus = new IdType(task.getFocus().getReference());
		if (!"ServiceRequest".equals(focus.getResourceType()) || !focus.hasIdPart()) {
			return Optional.empty();
		}
		if (transaction == null) {
			return StoredResources.find(daos, ServiceRequest.class, focus.getValue());
		}
		List<ServiceRequest> stored = transaction.getUserData(STORED_REFERRALS);
		if (stored != null) {
			for (ServiceRequest request : stored) {
				if (focus.getIdPart().equals(request.getIdElement().getIdPart())) {
					return Optional.of(request);
				}
			}
		}
		return transaction.<Map<String, Optional<ServiceRequest>>>getOrCreateUserData(READ_FOCI, HashMap::new)
				.computeIfAbsent(focus.toUnqualifiedVersionless().getValue(),
						key -> StoredResources.find(daos, ServiceRequest.class, key));
	}
}
