package org.onesheet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.ImplementationGuideExamples;
import org.onesheet.support.ImplementationGuideExamples.Example;

/**
 * The IG's examples as a clinic would send them: one transaction of POSTs, the examples' references to each
 * other rewritten to {@code urn:uuid:} full URLs. Posted once per server; remembers where each example went.
 */
final class PostedExamples {

	private static final Map<String, PostedExamples> BY_SERVER = new ConcurrentHashMap<>();

	/** "Organization/ex-group" to the id the server gave it, e.g. "Organization/1234". */
	private final Map<String, String> serverIds;
	final Bundle response;

	private PostedExamples(Map<String, String> serverIds, Bundle response) {
		this.serverIds = serverIds;
		this.response = response;
	}

	static synchronized PostedExamples on(FhirEndpoint endpoint) {
		return BY_SERVER.computeIfAbsent(endpoint.base(), base -> post(endpoint.client()));
	}

	static List<Resource> parsedExamples() {
		List<Resource> resources = new ArrayList<>();
		for (Example example : ImplementationGuideExamples.all()) {
			resources.add((Resource) FhirEndpoint.FHIR.newJsonParser().parseResource(example.json()));
		}
		return resources;
	}

	/** An example by its id in the IG, with its references pointing at the posted examples. */
	<T extends Resource> T example(Class<T> type, String exampleId) {
		Resource found = parsedExamples().stream()
				.filter(resource -> type.isInstance(resource) && resource.getIdElement().getIdPart().equals(exampleId))
				.findFirst().orElseThrow(() -> new AssertionError("no example " + exampleId));
		rewriteReferences(found, serverIds);
		found.setId((String) null);
		return type.cast(found);
	}

	private static PostedExamples post(IGenericClient client) {
		List<Resource> examples = parsedExamples();
		List<String> localIds = examples.stream().map(PostedExamples::localId).toList();
		Map<String, String> fullUrls = new HashMap<>();
		localIds.forEach(localId -> fullUrls.put(localId, "urn:uuid:" + UUID.randomUUID()));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < examples.size(); i++) {
			Resource example = examples.get(i);
			rewriteReferences(example, fullUrls);
			example.setId((String) null);
			transaction.addEntry().setFullUrl(fullUrls.get(localIds.get(i))).setResource(example)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(example.fhirType());
		}
		Bundle response = client.transaction().withBundle(transaction).execute();
		assertThat(response.getEntry()).hasSameSizeAs(examples);
		Map<String, String> serverIds = new HashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			String location = response.getEntry().get(i).getResponse().getLocation();
			serverIds.put(localIds.get(i), new IdType(location).toUnqualifiedVersionless().getValue());
		}
		return new PostedExamples(serverIds, response);
	}

	private static String localId(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	private static void rewriteReferences(Resource resource, Map<String, String> targets) {
		for (Reference reference : new FhirTerser(FhirEndpoint.FHIR)
				.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			String target = targets.get(reference.getReference());
			if (target != null) {
				reference.setReference(target);
			}
		}
	}
}
