package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/** Reads and writes what the server keeps on a chronic care plan (慢病管理计划): programme, grade, level, due date. */
@Component
public class ChronicPlans {

	private final DaoRegistry daos;

	public ChronicPlans(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The patient's active plans of the 2+3 programmes, whichever clinic's registration they are filed under. */
	public List<CarePlan> activeOf(String patientReference) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(CarePlan.SP_SUBJECT, new ReferenceParam(patientReference).setMdmExpand(true))
				.add(CarePlan.SP_STATUS, new TokenParam("active"))
				.add(CarePlan.SP_CATEGORY, new TokenParam(Systems.CHRONIC_PROGRAMME, null));
		return daos.getResourceDao(CarePlan.class).search(query, new SystemRequestDetails()).getAllResources().stream()
				.map(CarePlan.class::cast).toList();
	}

	/**
	 * Writes the plan over whatever version is current: the grade is computed afresh from the readings each
	 * time, and two transactions writing at once still meet at the plan's row version in the database. In the
	 * {@code transaction} of the write that called for it, where HAPI has the ids it resolved already.
	 */
	public CarePlan save(CarePlan plan, TransactionDetails transaction) {
		plan.setId(plan.getIdElement().toUnqualifiedVersionless());
		return (CarePlan) daos.getResourceDao(CarePlan.class)
				.update(plan, null, true, false, new SystemRequestDetails(), transaction).getResource();
	}

	/** {@code CarePlan/<id>}, as Flags, proposals and the grading's memo refer to the plan. */
	public static String reference(CarePlan plan) {
		return "CarePlan/" + plan.getIdElement().getIdPart();
	}

	public static boolean isChronic(CarePlan plan) {
		return programme(plan).isPresent();
	}

	public static Optional<String> programme(CarePlan plan) {
		return plan.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.filter(coding -> Systems.CHRONIC_PROGRAMME.equals(coding.getSystem()))
				.map(Coding::getCode).findFirst();
	}

	public static Optional<Grade> grade(CarePlan plan) {
		return coding(plan, Systems.EXT_CHRONIC_GRADE).flatMap(coding -> Grade.ofCode(coding.getCode()));
	}

	/** The level managing the plan now, as a grade's level: GREEN for the village, RED for the county. */
	public static Optional<Grade> managingLevel(CarePlan plan) {
		return coding(plan, Systems.EXT_MANAGING_LEVEL).flatMap(coding -> Grade.ofLevelCode(coding.getCode()));
	}

	public static void setGrade(CarePlan plan, TriColourGrading.Verdict verdict) {
		plan.getExtension().removeIf(extension -> Systems.EXT_CHRONIC_GRADE.equals(extension.getUrl())
				|| Systems.EXT_GRADE_REASON.equals(extension.getUrl()));
		plan.addExtension(Systems.EXT_CHRONIC_GRADE, verdict.grade().coding());
		plan.addExtension(reason(verdict));
	}

	static void setManagingLevel(CarePlan plan, Grade level, Reference organisation) {
		plan.getExtension().removeIf(extension -> Systems.EXT_MANAGING_LEVEL.equals(extension.getUrl()));
		plan.addExtension(Systems.EXT_MANAGING_LEVEL, level.levelCoding());
		plan.setAuthor(organisation);
	}

	/** A day, not an instant: a follow-up is due on a day in China, whatever the server's clock zone. */
	public static void setNextFollowUp(CarePlan plan, LocalDate due) {
		plan.getExtension().removeIf(extension -> Systems.EXT_NEXT_FOLLOW_UP.equals(extension.getUrl()));
		plan.addExtension(Systems.EXT_NEXT_FOLLOW_UP, new DateType(due.toString()));
	}

	public static Optional<LocalDate> nextFollowUp(CarePlan plan) {
		return Optional.ofNullable(plan.getExtensionByUrl(Systems.EXT_NEXT_FOLLOW_UP))
				.filter(extension -> extension.getValue() instanceof DateType date && date.getValueAsString() != null)
				.map(extension -> LocalDate.parse(((DateType) extension.getValue()).getValueAsString()));
	}

	/** Which rule gave the grade, on which reading, in words a clinic reads (extension grade-reason). */
	public static Extension reason(TriColourGrading.Verdict verdict) {
		Extension reason = new Extension(Systems.EXT_GRADE_REASON);
		reason.addExtension("rule", new StringType(verdict.ruleId()));
		reason.addExtension("reading", new Reference(verdict.reading().source()));
		reason.addExtension("text", new StringType(verdict.reason()));
		reason.addExtension("assessed", new DateTimeType(Date.from(verdict.reading().effective())));
		return reason;
	}

	private static Optional<Coding> coding(CarePlan plan, String url) {
		return Optional.ofNullable(plan.getExtensionByUrl(url)).map(Extension::getValue)
				.filter(Coding.class::isInstance).map(Coding.class::cast);
	}
}
