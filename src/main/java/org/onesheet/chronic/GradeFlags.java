package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * The grade as a {@code Flag} an EMR shows beside the patient's name (高血压 红标). One active Flag per plan;
 * when the grade changes, the active one is ended (status inactive, period.end) and a new one starts, so the
 * Flags of a plan are its grade history: {@code Flag?patient=<id>&category=<flag-category>|chronic-grade}.
 */
@Component
public class GradeFlags {

	public static final String CATEGORY = "chronic-grade";

	private final DaoRegistry daos;

	public GradeFlags(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The plan's active grade Flag, if it has one. */
	public Optional<Flag> activeOf(CarePlan plan, TransactionDetails transaction) {
		String planId = ChronicPlans.reference(plan);
		Optional<Flag> written = InTransaction.get(transaction, "Flag|" + planId, Flag.class);
		if (written.isPresent()) {
			return written;
		}
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Flag.SP_SUBJECT, new ReferenceParam(plan.getSubject().getReference()))
				.add("status", new TokenParam("active"));
		return flags().search(query, new SystemRequestDetails()).getAllResources().stream().map(Flag.class::cast)
				.filter(flag -> flag.getExtensionsByUrl(Systems.EXT_FLAG_DETAIL).stream()
						.anyMatch(detail -> detail.getValue() instanceof Reference ref && planId.equals(ref.getReference())))
				.findFirst();
	}

	/** Ends the active Flag, if any, and raises one for the verdict's grade from the time of its reading. */
	public Flag replace(CarePlan plan, TriColourGrading.Verdict verdict, TransactionDetails transaction) {
		Date from = Date.from(verdict.reading().effective());
		activeOf(plan, transaction).ifPresent(previous -> {
			previous.setId(previous.getIdElement().toUnqualifiedVersionless());
			previous.setStatus(Flag.FlagStatus.INACTIVE);
			previous.getPeriod().setEnd(from.before(previous.getPeriod().getStart()) ? previous.getPeriod().getStart() : from);
			flags().update(previous, null, true, false, new SystemRequestDetails(), transaction);
		});
		Flag flag = flag(plan, verdict.grade(), from);
		flag.addExtension(ChronicPlans.reason(verdict));
		return InTransaction.put(transaction, "Flag|" + ChronicPlans.reference(plan),
				(Flag) flags().create(flag, null, true, new SystemRequestDetails(), transaction).getResource());
	}

	/** A Flag for a plan graded before the server saw its readings (the demo load, an imported plan). */
	public static Flag flag(CarePlan plan, Grade grade, Date from) {
		String programme = ChronicPlans.programme(plan).orElse("chronic");
		String title = plan.hasTitle() ? plan.getTitle() : programme;
		Flag flag = new Flag();
		flag.setStatus(Flag.FlagStatus.ACTIVE);
		flag.addCategory(new CodeableConcept(new Coding(Systems.FLAG_CATEGORY, CATEGORY, "慢病分级")));
		// The grade and the programme, so that the control-rate measure counts grades by disease from the Flags.
		CodeableConcept code = new CodeableConcept(grade.coding());
		code.addCoding(new Coding(Systems.CHRONIC_PROGRAMME, programme, null));
		flag.setCode(code.setText(title + "：" + grade.chinese()
				+ " (" + programme + ": " + grade.code() + ")"));
		flag.setSubject(plan.getSubject());
		flag.getPeriod().setStart(from);
		flag.setAuthor(plan.getAuthor());
		flag.addExtension(Systems.EXT_FLAG_DETAIL, new Reference(ChronicPlans.reference(plan)));
		return flag;
	}

	private IFhirResourceDao<Flag> flags() {
		return daos.getResourceDao(Flag.class);
	}
}
