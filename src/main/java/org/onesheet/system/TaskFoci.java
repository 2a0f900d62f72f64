package org.onesheet.system;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
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
 * The ServiceRequest a Task is about (its {@code focus}), which decides which workflow's rules hold the Task:
 * a referral, a consultation, a remote reading.
 *
 * <p>A clinic posts the ServiceRequest and its Task in one transaction, and while that transaction runs the
 * ServiceRequest cannot yet be read back by id. A focus POSTed in the same bundle is still attached to the
 * reference; one PUT in it is remembered in the transaction's {@link TransactionDetails} (so it must come
 * before its Task in the bundle); anything else is read from the database once per transaction, since the
 * rules of one Task write ask several times (its implied profile, its state machine, booking, provenance).
 */
@Component
@Interceptor
public class TaskFoci {

	private static final String STORED_REQUESTS = TaskFoci.class.getName() + ".storedRequests";
	private static final String READ_FOCI = TaskFoci.class.getName() + ".readFoci";

	private final DaoRegistry daos;

	public TaskFoci(DaoRegistry daos, IInterceptorService storageInterceptors) {
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
		if (transaction != null && resource instanceof ServiceRequest request) {
			transaction.<List<ServiceRequest>>getOrCreateUserData(STORED_REQUESTS, ArrayList::new).add(request);
		}
	}

	/** The request the Task is focused on, if its focus is a ServiceRequest that exists. */
	public Optional<ServiceRequest> of(Task task, TransactionDetails transaction) {
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
		List<ServiceRequest> stored = transaction.getUserData(STORED_REQUESTS);
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
