package org.onesheet.diagnosis;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.onesheet.system.TaskFoci;
import org.springframework.stereotype.Component;

/** Tells remote-reading requests (基层检查、上级诊断) and their worklist Tasks from other requests and Tasks. */
@Component
public class RemoteReadings {

	static final String CATEGORY = "remote-reading";

	private final TaskFoci foci;

	public RemoteReadings(TaskFoci foci) {
		this.foci = foci;
	}

	public static boolean isRemoteReading(ServiceRequest request) {
		return request.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> Systems.SERVICE_CATEGORY.equals(coding.getSystem()) && CATEGORY.equals(coding.getCode()));
	}

	/** The remote-reading request a worklist Task is about, if it is one. */
	public Optional<ServiceRequest> requestOf(Task task, TransactionDetails transaction) {
		return foci.of(task, transaction).filter(RemoteReadings::isRemoteReading);
	}

	public boolean isReadingTask(Task task, TransactionDetails transaction) {
		return requestOf(task, transaction).isPresent();
	}
}
