package org.onesheet.config;

import ca.uhn.fhir.jpa.dao.CacheTagDefinitionDao;
import ca.uhn.fhir.jpa.dao.data.ITagDefinitionDao;
import ca.uhn.fhir.jpa.model.entity.TagDefinition;
import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * HAPI 8.8 keeps the tag definitions it resolved (the county-group tag on every resource, profile tags) in a
 * JVM-wide cache, as the very entity objects one Hibernate session loaded, and hands the same object to every
 * later transaction. When two transactions write tagged resources at once, both sessions meet that one
 * object, and the second fails its flush with a 500 ("HAPI-2223: Illegal attempt to associate a collection with
 * two open sessions: TagDefinition.myResourceVersions"), seen under four concurrent loading clients.
 *
 * <p>HAPI's cache still answers "which row is this tag" (no query per tag); the entity each transaction
 * uses is its own session's, looked up by primary key (a hit in the session after the first).
 */
public class SessionLocalTagDefinitions extends CacheTagDefinitionDao {

	@PersistenceContext
	private EntityManager entityManager;

	public SessionLocalTagDefinitions(ITagDefinitionDao tagDefinitions, MemoryCacheService memoryCache) {
		super(tagDefinitions, memoryCache);
	}

	@Override
	protected TagDefinition getTagOrNull(TransactionDetails transaction, TagTypeEnum type, String system, String code,
			String display, String version, Boolean userSelected) {
		TagDefinition resolved = super.getTagOrNull(transaction, type, system, code, display, version, userSelected);
		if (resolved == null || resolved.getId() == null || entityManager.contains(resolved)) {
			return resolved;
		}
		TagDefinition own = entityManager.find(TagDefinition.class, resolved.getId());
		return own != null ? own : resolved;
	}
}
