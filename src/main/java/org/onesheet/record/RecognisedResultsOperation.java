package org.onesheet.record;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<id>/$recognized-results?code=http://loinc.org|<code>}: the results of that test from any
 * member of the group still inside their recognition window, newest first, as a searchset Bundle.
 */
@Component
public class RecognisedResultsOperation implements FhirServerPlugin {

	public static final String NAME = "$recognized-results";

	private final RecognisedResults results;
	private final RecognitionWindows windows;
	private final DaoRegistry daos;

	public RecognisedResultsOperation(RecognisedResults results, RecognitionWindows windows, DaoRegistry daos) {
		this.results = results;
		this.windows = windows;
		this.daos = daos;
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerProvider(this);
	}

	@Operation(name = NAME, type = Patient.class, idempotent = true)
	public Bundle recognisedResults(@IdParam IdType patientId,
			@OperationParam(name = "code", min = 1, max = 1) TokenParam code, RequestDetails request) {
		if (code == null || code.getValue() == null || code.getValue().isBlank()) {
			throw new InvalidRequestException("code is required, e.g. code=http://loinc.org|4548-4 (请给出检验检查项目的 LOINC 编码)");
		}
		if (code.getSystem() != null && !code.getSystem().isEmpty() && !Systems.LOINC.equals(code.getSystem())) {
			throw new InvalidRequestException("recognised tests are coded in LOINC (互认项目以 LOINC 编码): "
					+ code.getSystem() + " is not " + Systems.LOINC);
		}
		// 404 for a patient this server does not hold, like any instance operation.
		String patient = "Patient/" + daos.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request)
				.getIdElement().getIdPart();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		if (windows.of(code.getValue()).isEmpty()) {
			OperationOutcome notRecognisable = new OperationOutcome();
			notRecognisable.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
					.setCode(OperationOutcome.IssueType.NOTSUPPORTED)
					.setDiagnostics("LOINC " + code.getValue() + " is not a mutually recognised test (不在互认项目内); "
							+ "recognised: " + String.join(", ", windows.all().keySet().stream().sorted().toList()));
			bundle.addEntry().setResource(notRecognisable).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
			return bundle.setTotal(0);
		}
		List<Resource> found = results.of(patient, code.getValue(), Instant.now());
		String base = request.getFhirServerBase();
		for (Resource result : found) {
			bundle.addEntry().setResource(result)
					.setFullUrl(base + "/" + result.getIdElement().toUnqualifiedVersionless().getValue())
					.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
		}
		return bundle.setTotal(found.size());
	}
}
