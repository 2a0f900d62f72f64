package org.onesheet.group;

import org.hl7.fhir.r4.model.CodeableConcept;
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
}
