package org.onesheet.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
	private static final String READ_VERDICTS = ReferralTasks.class.getName() + ".readVerdicts";

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

	/**
	 * Asked up to three times per Task write (its implied profile, its state machine, its Provenance), so a
	 * database read's answer is kept for the rest of the transaction.
	 */
	public boolean isBrokered(Task task, TransactionDetails transaction) {
		if (task.getFocus().getResource() instanceof ServiceRequest inBundle) {
			return ReferralCategory.isBrokered(inBundle); // a POST in a transaction, still urn:uuid here
		}
		IdType focus = new IdType(task.getFocus().getReference());
		if (!"ServiceRequest".equals(focus.getResourceType()) || !focus.hasIdPart()) {
			return false;
		}
		if (transaction == null) {
			return readIsBrokered(focus);
		}
		List<ServiceRequest> stored = transaction.getUserData(STORED_REFERRALS);
		if (stored != null && stored.stream()
				.anyMatch(request -> focus.getIdPart().equals(request.getIdElement().getIdPart()))) {
			return true;
		}
		return transaction.<Map<String, Boolean>>getOrCreateUserData(READ_VERDICTS, HashMap::new)
				.computeIfAbsent(focus.toUnqualifiedVersionless().getValue(), key -> readIsBrokered(focus));
	}

	/** The referral ServiceRequest a referral Task is focused on, wherever it is in this transaction. */
	public ServiceRequest focusOf(Task task, TransactionDetails transaction) {
		if (task.getFocus().getResource() instanceof ServiceRequest inBundle) {
			return inBundle;
		}
		IdType focus = new IdType(task.getFocus().getReference());
		List<ServiceRequest> stored = transaction == null ? null : transaction.getUserData(STORED_REFERRALS);
		if (stored != null) {
			for (ServiceRequest request : stored) {
				if (focus.getIdPart().equals(request.getIdElement().getIdPart())) {
					return request;
				}
			}
		}
		return (ServiceRequest) daos.getResourceDao(ServiceRequest.class)
				.read(focus.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	private boolean readIsBrokered(IdType focus) {
		try {
			ServiceRequest request = (ServiceRequest) daos.getResourceDao(ServiceRequest.class)
					.read(focus.toUnqualifiedVersionless(), new SystemRequestDetails());
			return ReferralCategory.isBrokered(request);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false; // referential integrity reports a focus that does not exist
		}
	}
}
