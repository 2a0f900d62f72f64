package org.onesheet.chronic;

import java.util.Arrays;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.onesheet.group.InstitutionLevel;
import org.onesheet.identity.Systems;

/**
 * The tri-colour grade of a chronic plan (三色分级) and the level of the group that manages each colour:
 * green by the village clinic, yellow by the township centre, red by the county general hospital.
 */
public enum Grade {
	GREEN("green", "绿标", "village", "村级管理", InstitutionLevel.VILLAGE_CLINIC),
	YELLOW("yellow", "黄标", "township", "乡镇级管理", InstitutionLevel.TOWNSHIP_CENTRE),
	RED("red", "红标", "county", "县级管理", InstitutionLevel.COUNTY_HOSPITAL);

	private final String code;
	private final String chinese;
	private final String levelCode;
	private final String levelChinese;
	private final InstitutionLevel institution;

	Grade(String code, String chinese, String levelCode, String levelChinese, InstitutionLevel institution) {
		this.code = code;
		this.chinese = chinese;
		this.levelCode = levelCode;
		this.levelChinese = levelChinese;
		this.institution = institution;
	}

	public String code() {
		return code;
	}

	public String chinese() {
		return chinese;
	}

	public Coding coding() {
		return new Coding(Systems.CHRONIC_GRADE, code, chinese);
	}

	/** The managing level (管理层级) this grade calls for, as the plan's managing-level extension codes it. */
	public Coding levelCoding() {
		return new Coding(Systems.MANAGING_LEVEL, levelCode, levelChinese);
	}

	public boolean isWorseThan(Grade other) {
		return ordinal() > other.ordinal();
	}

	public static Optional<Grade> ofCode(String code) {
		return Arrays.stream(values()).filter(grade -> grade.code.equals(code)).findFirst();
	}

	/** The grade whose managing level has this code (village, township, county). */
	public static Optional<Grade> ofLevelCode(String levelCode) {
		return Arrays.stream(values()).filter(grade -> grade.levelCode.equals(levelCode)).findFirst();
	}

	public static Optional<Grade> ofInstitution(InstitutionLevel level) {
		if (level == InstitutionLevel.COMMUNITY_CENTRE) {
			return Optional.of(YELLOW); // an urban community centre stands where a township centre would
		}
		return Arrays.stream(values()).filter(grade -> grade.institution == level).findFirst();
	}
}
