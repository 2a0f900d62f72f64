package org.onesheet.record;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.onesheet.system.ResponseWarnings;
import org.springframework.stereotype.Component;

/**
 * A test ordered by plain REST ({@code POST ServiceRequest}, alone or in a transaction) whose recognised result
 * already exists somewhere in the group gets a warning in the response naming it, the same news the CDS Hooks
 * service gives an EMR while the doctor orders. The order is stored all the same: the doctor may have reasons
 * (a changed condition) to test again. Remote-reading requests are exempt, their study is already done.
 */
@Component
@Interceptor
public class RecognisedResultsOnOrder {

	private final RecognisedResults results;
	private final RecognitionWindows windows;

	public RecognisedResultsOnOrder(RecognisedResults results, RecognitionWindows windows,
			IInterceptorService storageInterceptors) {
		this.results = results;
		this.windows = windows;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(RequestDetails request, IBaseResource resource) {
		if (!(resource instanceof ServiceRequest order) || isRemoteReading(order)) {
			return;
		}
		Optional<Coding> test = windows.recognisable(order.getCode());
		String patient = order.getSubject().getReference();
		if (test.isEmpty() || patient == null || !"Patient".equals(new IdType(patient).getResourceType())
				|| !new IdType(patient).hasIdPart() || patient.startsWith("urn:")) {
			return;
		}
		List<Resource> found = results.of(new IdType(patient).toUnqualifiedVersionless().getValue(),
				test.get().getCode(), Instant.now());
		for (Resource result : found) {
			ResponseWarnings.add(request, order, ResponseWarnings.issue(OperationOutcome.IssueSeverity.WARNING,
					results.describe(result) + "，可免重复检查 (" + results.describeInEnglish(result)
							+ "; the test need not be repeated)", "ServiceRequest.code"));
		}
	}

	static boolean isRemoteReading(ServiceRequest order) {
		return order.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> "remote-reading".equals(coding.getCode()));
	}
}
