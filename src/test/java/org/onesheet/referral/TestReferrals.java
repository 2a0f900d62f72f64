package org.onesheet.referral;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;

/** What a clinic's EMR sends in the referral workflow, as the tests send it. */
public final class TestReferrals {

	public static final String TOWNSHIP = "Organization/jmse-tc-01";
	public static final String TOWNSHIP_GP = "PractitionerRole/jmse-role-011a";
	public static final String COUNTY = "Organization/jmse-county-hospital";
	public static final String PATIENT = "Patient/jmse-pat-000001";

	private TestReferrals() {
	}

	/** 上转 from the 北庭镇 centre: a ServiceRequest and its Task in one transaction, acting for the centre. */
	public static Task sendUpward(FhirEndpoint endpoint, String to, boolean greenChannel, Consumer<ServiceRequest> adjust) {
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(ReferralCategory.concept("转诊"));
		request.addExtension(Systems.EXT_REFERRAL_DIRECTION, new Coding(Systems.REFERRAL_DIRECTION, "up", "上转"));
		request.addExtension(Systems.EXT_GREEN_CHANNEL, new BooleanType(greenChannel));
		request.setPriority(greenChannel ? ServiceRequest.ServiceRequestPriority.URGENT
				: ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(new Reference(PATIENT));
		request.setRequester(new Reference(TOWNSHIP_GP));
		request.addPerformer(new Reference(to));
		request.getCode().setText("上转：心血管内科门诊");
		request.addReasonCode().setText("血压控制不佳 (blood pressure out of control)");
		adjust.accept(request);
		return send(endpoint, request, TOWNSHIP, to);
	}

	/** A request (referral or consultation) and its Task in one transaction, acting for the requester. */
	public static Task send(FhirEndpoint endpoint, ServiceRequest request, String from, String to) {
		String requestUrl = "urn:uuid:" + UUID.randomUUID();
		Task task = new Task();
		task.setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding().setSystem(Systems.TASK_CODE).setCode("fulfill");
		task.setFocus(new Reference(requestUrl)).setFor(request.getSubject().copy());
		task.setRequester(new Reference(from)).setOwner(new Reference(to));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl(requestUrl).setResource(request).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
		transaction.addEntry().setResource(task).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
		Bundle response = endpoint.client().transaction().withBundle(transaction)
				.withAdditionalHeader(FhirEndpoint.ACTING_FOR, from).execute();
		IdType taskId = new IdType(response.getEntry().get(1).getResponse().getLocation()).toUnqualifiedVersionless();
		return endpoint.client().read().resource(Task.class).withId(taskId).execute();
	}

	/** Changes the Task's status acting for an organisation, and reads back what the server stored. */
	public static Task move(FhirEndpoint endpoint, Task task, TaskStatus to, String actingFor) {
		task.setStatus(to);
		IGenericClient client = endpoint.client();
		client.update().resource(task).withAdditionalHeader(FhirEndpoint.ACTING_FOR, actingFor).execute();
		return client.read().resource(Task.class).withId(task.getIdElement().toUnqualifiedVersionless()).execute();
	}
}
