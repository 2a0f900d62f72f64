package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * {@code Organization/<id>/$due-followups?date=2026-12-01}: the active chronic plans that organisation manages
 * whose next follow-up (随访) is due on or before the date (default today, Asia/Shanghai), red first, then
 * yellow, then green, each colour the most overdue first. A plain search gives the same set unordered:
 * {@code CarePlan?author=Organization/<id>&status=active&next-follow-up=le2026-12-01}.
 */
@Component
public class DueFollowupsOperation implements FhirServerPlugin {

	public static final String NAME = "$due-followups";
	static final String NEXT_FOLLOW_UP = "next-follow-up";

	private final DaoRegistry daos;

	public DueFollowupsOperation(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerProvider(this);
	}

	@Operation(name = NAME, type = Organization.class, idempotent = true)
	public Bundle dueFollowups(@IdParam IdType organisationId,
			@OperationParam(name = "date", max = 1) DateType date, RequestDetails request) {
		// 404 for an organisation this server does not hold, like any instance operation.
		String organisation = "Organization/" + daos.getResourceDao(Organization.class)
				.read(organisationId.toUnqualifiedVersionless(), request).getIdElement().getIdPart();
		LocalDate day = date == null || date.getValueAsString() == null ? LocalDate.now(ChinaTime.ZONE)
				: LocalDate.parse(date.getValueAsString().substring(0, 10));
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add("author", new ReferenceParam(organisation))
				.add(CarePlan.SP_STATUS, new TokenParam("active"))
				.add(CarePlan.SP_CATEGORY, new TokenParam(Systems.CHRONIC_PROGRAMME, null))
				.add(NEXT_FOLLOW_UP, new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, day.toString()));
		List<CarePlan> due = daos.getResourceDao(CarePlan.class).search(query, new SystemRequestDetails())
				.getAllResources().stream().map(CarePlan.class::cast)
				.sorted(Comparator.comparing((CarePlan plan) -> ChronicPlans.grade(plan).orElse(Grade.GREEN)).reversed()
						.thenComparing(plan -> ChronicPlans.nextFollowUp(plan).orElse(LocalDate.MIN)))
				.toList();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		String base = request.getFhirServerBase();
		for (CarePlan plan : due) {
			bundle.addEntry().setResource(plan).setFullUrl(base + "/CarePlan/" + plan.getIdElement().getIdPart())
					.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
		}
		return bundle.setTotal(due.size());
	}
}
