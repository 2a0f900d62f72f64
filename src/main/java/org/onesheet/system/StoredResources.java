package org.onesheet.system;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads a referenced resource for the workflow rules, if it is there. A reference to nothing is not theirs
 * to report: HAPI's referential integrity check refuses it with its own message.
 */
public final class StoredResources {

	private StoredResources() {
	}

	public static <T extends IBaseResource> Optional<T> find(DaoRegistry daos, Class<T> type, String reference) {
		if (reference == null || !new IdType(reference).hasIdPart()) {
			return Optional.empty();
		}
		try {
			return Optional.of(daos.getResourceDao(type)
					.read(new IdType(reference).toUnqualifiedVersionless(), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
	}
}
