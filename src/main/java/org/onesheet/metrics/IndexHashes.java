package org.onesheet.metrics;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.BaseResourceIndexedSearchParam;
import ca.uhn.fhir.jpa.model.entity.ResourceIndexedSearchParamToken;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The hashes HAPI stores beside each search index row (HASH_IDENTITY for a resource type and parameter, HASH_VALUE
 * for a token's code), computed by HAPI's own functions. The measures' SQL matches on them, as HAPI's searches do,
 * because only they are indexed: matching on RES_TYPE and SP_NAME strings made PostgreSQL scan whole index tables.
 */
@Component
class IndexHashes {

	private final PartitionSettings partitionSettings;

	IndexHashes(PartitionSettings partitionSettings) {
		this.partitionSettings = partitionSettings;
	}

	long parameter(String resourceType, String parameter) {
		return BaseResourceIndexedSearchParam.calculateHashIdentity(partitionSettings,
				RequestPartitionId.defaultPartition(), resourceType, parameter);
	}

	long token(String resourceType, String parameter, String code) {
		return ResourceIndexedSearchParamToken.calculateHashValue(partitionSettings,
				RequestPartitionId.defaultPartition(), resourceType, parameter, code);
	}

	List<Long> tokens(String resourceType, String parameter, Collection<String> codes) {
		return codes.stream().map(code -> token(resourceType, parameter, code)).toList();
	}
}
