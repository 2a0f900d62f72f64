package org.onesheet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.BaseResourceIndexedSearchParam;
import io.restassured.response.Response;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onesheet.security.AuditQueueDrain;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The core search parameters retired by UnusedSearchParameters: not indexed, not searchable, the rest intact. */
@H2ServerTest
class UnusedSearchParametersOnH2Test {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PartitionSettings partitionSettings;

	@Autowired
	UnusedSearchParameters unusedSearchParameters;

	@Autowired
	AuditQueueDrain auditQueueDrain;

	@Test
	void theDemosBloodPressuresHaveNoComponentIndexRowsButTheirCodesAndValuesAreIndexed() {
		assertThat(tokenRows("component-code")).isZero();
		assertThat(tokenRows("combo-code")).isZero();
		assertThat(quantityRows("component-value-quantity")).isZero();
		assertThat(tokenRows("code")).isPositive();
		assertThat(quantityRows("value-quantity")).isPositive();
	}

	@Test
	void auditEventsHaveNoEntityRoleOrTypeRowsButTheirSubtypeIsIndexed() {
		// a client's read: its audit event is queued before the answer and stored by the drain
		assertThat(new FhirEndpoint(port).http().get("/fhir/Patient/jmse-pat-000001").statusCode()).isEqualTo(200);
		auditQueueDrain.everythingQueued();

		assertThat(rows("HFJ_SPIDX_TOKEN", "AuditEvent", "entity-type")).isZero();
		assertThat(rows("HFJ_SPIDX_TOKEN", "AuditEvent", "entity-role")).isZero();
		assertThat(rows("HFJ_SPIDX_TOKEN", "AuditEvent", "subtype")).isPositive();
	}

	@Test
	void aLaterStartFindsThemRetiredAndStoresNothing() {
		assertThat(unusedSearchParameters.retire()).isZero();
	}

	@Test
	void aSearchByARetiredParameterIsRefusedWithAReasonAndOneByCodeStillWorks() {
		FhirEndpoint endpoint = new FhirEndpoint(port);
		Response refused = endpoint.http().get("/fhir/Observation?component-code=http://loinc.org|8480-6");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
		assertThat(refused.asString()).contains("component-code");

		Response found = endpoint.http().get("/fhir/Observation?code=http://loinc.org|85354-9&_summary=count");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.jsonPath().getInt("total")).isPositive();
	}

	private long tokenRows(String parameter) {
		return rows("HFJ_SPIDX_TOKEN", "Observation", parameter);
	}

	private long quantityRows(String parameter) {
		return rows("HFJ_SPIDX_QUANTITY", "Observation", parameter);
	}

	private long rows(String table, String resourceType, String parameter) {
		long hash = BaseResourceIndexedSearchParam.calculateHashIdentity(partitionSettings,
				RequestPartitionId.defaultPartition(), resourceType, parameter);
		return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + table + " WHERE HASH_IDENTITY = ?",
				Long.class, hash);
	}
}
