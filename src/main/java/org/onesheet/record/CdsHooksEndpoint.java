package org.onesheet.record;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.config.CdsHooksConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CDS Hooks endpoints, {@code GET /cds-services} (discovery) and {@code POST /cds-services/<id>}, over
 * HAPI's service registry. Written here rather than HAPI's controller so that JSON goes through HAPI's
 * FHIR-aware CDS Hooks mapper (a card may carry a FHIR resource) and a bad call gets a 4xx with a message.
 */
@RestController
@RequestMapping("/cds-services")
public class CdsHooksEndpoint {

	private final ICdsServiceRegistry services;
	private final ObjectMapper mapper;

	public CdsHooksEndpoint(ICdsServiceRegistry services,
			@Qualifier(CdsHooksConfig.CDS_HOOKS_OBJECT_MAPPER_FACTORY) ObjectMapper mapper) {
		this.services = services;
		this.mapper = mapper;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<String> discovery() throws JsonProcessingException {
		return json(200, services.getCdsServicesJson());
	}

	@PostMapping(path = "/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<String> call(@PathVariable String service, @RequestBody String body)
			throws JsonProcessingException {
		if (services.getCdsServicesJson().getServices().stream().noneMatch(known -> service.equals(known.getId()))) {
			return error(404, "no CDS service '" + service + "' here (无此服务); GET /cds-services lists them");
		}
		Map<?, ?> request;
		try {
			request = mapper.readValue(body, LinkedHashMap.class);
		} catch (JsonProcessingException notJson) {
			return error(400, "the request is not a JSON object (请求不是 JSON): " + notJson.getOriginalMessage());
		}
		return json(200, services.callService(service, request));
	}

	@ExceptionHandler(BaseServerResponseException.class)
	public ResponseEntity<String> refused(BaseServerResponseException refusal) {
		return error(refusal.getStatusCode(), refusal.getMessage());
	}

	private ResponseEntity<String> json(int status, Object body) throws JsonProcessingException {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
	}

	private ResponseEntity<String> error(int status, String message) {
		Map<String, Object> body = Map.of("status", status, "error", message == null ? "" : message);
		try {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
		} catch (JsonProcessingException cannotHappen) {
			return ResponseEntity.status(status).body(String.valueOf(message));
		}
	}
}
