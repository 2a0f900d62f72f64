package org.onesheet.system;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.EnumSet;
import java.util.Set;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.stereotype.Component;

/**
 * A resource body must be declared as FHIR JSON or XML (a Binary may be any file, sent raw). HAPI answers 400 for anything else;
 * 415 Unsupported Media Type tells an integrator exactly which header to fix.
 */
@Component
@Interceptor
public class FhirContentTypeRule implements FhirServerPlugin {

	private static final Set<RestOperationTypeEnum> RESOURCE_BODY_OPERATIONS = EnumSet.of(
			RestOperationTypeEnum.CREATE,
			RestOperationTypeEnum.UPDATE,
			RestOperationTypeEnum.TRANSACTION,
			RestOperationTypeEnum.BATCH);

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void requireFhirContentType(RequestDetails request) {
		if (!RESOURCE_BODY_OPERATIONS.contains(request.getRestOperationType())) {
			return;
		}
		if ("Binary".equals(request.getResourceName())) {
			return; // a study file (image/jpeg, application/pdf, application/dicom) is posted as itself
		}
		String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
		if (contentType == null || EncodingEnum.forContentType(contentType) == null) {
			throw new UnsupportedMediaTypeException("不支持的内容类型 (Content-Type \"" + contentType
					+ "\" is not FHIR: send application/fhir+json or application/fhir+xml, charset UTF-8)");
		}
	}

	/** HTTP 415, rendered by HAPI as an OperationOutcome like its own exceptions. */
	static final class UnsupportedMediaTypeException extends BaseServerResponseException {
		UnsupportedMediaTypeException(String message) {
			super(415, message);
		}
	}
}
