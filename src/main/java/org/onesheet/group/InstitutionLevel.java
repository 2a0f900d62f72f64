package org.onesheet.group;

import java.util.Arrays;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Organization;
import org.onesheet.identity.Systems;

/** The levels of a county medical community (医共体机构层级), coded in {@link Systems#INSTITUTION_LEVEL}. */
public enum InstitutionLevel {
	GROUP("group", "紧密型县域医共体", "County medical community"),
	COUNTY_HOSPITAL("county-hospital", "县级总医院（牵头医院）", "County general hospital"),
	DEPARTMENT("department", "科室 / 诊断中心", "Department or reading centre"),
	TOWNSHIP_CENTRE("township-centre", "乡镇卫生院", "Township health centre"),
	COMMUNITY_CENTRE("community-centre", "社区卫生服务中心", "Community health centre"),
	VILLAGE_CLINIC("village-clinic", "村卫生室", "Village clinic");

	private final String code;
	private final String chinese;
	private final String english;

	InstitutionLevel(String code, String chinese, String english) {
		this.code = code;
		this.chinese = chinese;
		this.english = english;
	}

	public String code() {
		return code;
	}

	public CodeableConcept asConcept() {
		CodeableConcept concept = new CodeableConcept();
		concept.addCoding().setSystem(Systems.INSTITUTION_LEVEL).setCode(code).setDisplay(chinese);
		concept.setText(chinese + " (" + english + ")");
		return concept;
	}

	/** The level an organisation's type names, if it names one. */
	public static Optional<InstitutionLevel> of(Organization organization) {
		return organization.getType().stream().flatMap(type -> type.getCoding().stream())
				.filter(coding -> Systems.INSTITUTION_LEVEL.equals(coding.getSystem()))
				.flatMap(coding -> Arrays.stream(values()).filter(level -> level.code.equals(coding.getCode())))
				.findFirst();
	}
}
