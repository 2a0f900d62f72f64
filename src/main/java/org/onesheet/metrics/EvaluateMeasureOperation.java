package org.onesheet.metrics;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.group.GroupMembership;
import org.onesheet.security.ActingClient;
import org.onesheet.system.Refusals;
import org.springframework.stereotype.Component;

/**
 * {@code Measure/<id>/$evaluate-measure?periodStart=2026-11-01&periodEnd=2026-11-30[&subject=Organization/<id>]}:
 * a summary MeasureReport of one of the group's metrics, computed over the database (one query per measure,
 * {@link IndexQueries}). The days are Asia/Shanghai calendar days, both ends included. {@code subject} narrows
 * the report to an organisation and the organisations under it.
 *
 * <p>Not HAPI's clinical-reasoning module: it evaluates CQL patient by patient and takes only Patient or Group
 * subjects, and our metrics count organisations' visits, referrals and contracts.
 */
@Component
public class EvaluateMeasureOperation implements FhirServerPlugin {

	private final DaoRegistry daos;
	private final Members members;
	private final Map<String, GroupMeasure> measures;

	private final GroupMembership membership;

	public EvaluateMeasureOperation(DaoRegistry daos, Members members, List<GroupMeasure> measures,
			GroupMembership membership) {
		this.daos = daos;
		this.membership = membership;
		this.members = members;
		this.measures = measures.stream().collect(Collectors.toMap(GroupMeasure::id, Function.identity()));
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerProvider(this);
	}

	@Operation(name = "$evaluate-measure", type = Measure.class, idempotent = true)
	public MeasureReport evaluate(@IdParam IdType measureId,
			@OperationParam(name = "periodStart", min = 1, max = 1) StringType periodStart,
			@OperationParam(name = "periodEnd", min = 1, max = 1) StringType periodEnd,
			@OperationParam(name = "subject", max = 1) StringType subject,
			@OperationParam(name = "reportType", max = 1) StringType reportType, RequestDetails request) {
		// 404 for a Measure this server does not hold, like any instance operation.
		Measure measure = daos.getResourceDao(Measure.class).read(measureId.toUnqualifiedVersionless(), request);
		GroupMeasure evaluator = Optional.ofNullable(measures.get(measure.getIdElement().getIdPart()))
				.or(() -> Optional.ofNullable(measure.getUrl()).map(url -> measures.get(url.substring(url.lastIndexOf('/') + 1))))
				.orElseThrow(() -> new UnprocessableEntityException("该指标无计算方法 (OneSheet evaluates the group's measures only: "
						+ String.join(", ", measures.keySet().stream().sorted().toList()) + ")"));
		if (reportType != null && reportType.getValue() != null && !"summary".equals(reportType.getValue())) {
			throw new InvalidRequestException("reportType 仅支持 summary (only summary reports: the metrics count organisations, "
					+ "not individual patients; got " + reportType.getValue() + ")");
		}
		MeasurePeriod period = new MeasurePeriod(day(periodStart, "periodStart"), day(periodEnd, "periodEnd"));
		if (period.last().isBefore(period.first())) {
			throw new InvalidRequestException("periodEnd 早于 periodStart (periodEnd " + period.last() + " is before periodStart "
					+ period.first() + ")");
		}
		Members.Tree tree = members.load();
		String subjectOrg = withinClientsGroup(
				subject == null || subject.getValue() == null ? null : organisation(subject.getValue(), request));
		return evaluator.evaluate(period, tree, tree.scope(subjectOrg == null ? null : new IdType(subjectOrg).getIdPart()),
				subjectOrg);
	}

	/**
	 * A client measures its own county group: without a subject, the group; a subject of another group is
	 * refused (its figures are that group's business).
	 */
	private String withinClientsGroup(String subjectOrg) {
		Optional<String> group = ActingClient.current().map(ActingClient::group);
		if (group.isEmpty()) {
			return subjectOrg;
		}
		if (subjectOrg == null) {
			return group.get();
		}
		if (!membership.isWithin(subjectOrg, group.get())) {
			throw Refusals.forbidden("只能查看本医共体的指标 (a client measures its own county group, " + group.get()
					+ "; " + subjectOrg + " is not part of it)", "subject");
		}
		return subjectOrg;
	}

	private String organisation(String subject, RequestDetails request) {
		IdType id = new IdType(subject);
		if (!"Organization".equals(id.getResourceType()) || !id.hasIdPart()) {
			throw new InvalidRequestException("subject 应为 Organization/<id> (the subject is a member organisation, "
					+ "Organization/<id>; got " + subject + ")");
		}
		return "Organization/" + daos.getResourceDao(Organization.class).read(id.toUnqualifiedVersionless(), request)
				.getIdElement().getIdPart();
	}

	private static LocalDate day(StringType value, String name) {
		String text = value == null ? null : value.getValue();
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException(name + " 为必填项 (" + name + " is required, e.g. 2026-11-01)");
		}
		try {
			return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
		} catch (DateTimeParseException malformed) {
			throw new InvalidRequestException(name + " 日期格式错误 (" + name + " must be a date such as 2026-11-01, got " + text + ")");
		}
	}
}
