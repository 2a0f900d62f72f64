package org.onesheet.group.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.onesheet.identity.Systems;

/**
 * The medicines of the 2+3 diseases, coded in WHO ATC, and what each township centre stocks of them
 * (药品目录, for 用药衔接). Every centre lacks a different one or two of each disease's medicines, and still
 * stocks at least five per disease, as the basic-medicine rules for primary care require.
 */
final class Formularies {

	record Drug(String atc, String name, String english) {
	}

	static final Map<String, List<Drug>> BY_DISEASE = new LinkedHashMap<>();

	static {
		BY_DISEASE.put("高血压", List.of(
				new Drug("C08CA01", "苯磺酸氨氯地平片 5mg", "amlodipine"),
				new Drug("C08CA05", "硝苯地平控释片 30mg", "nifedipine"),
				new Drug("C08CA13", "马来酸左旋氨氯地平片 2.5mg", "levamlodipine"),
				new Drug("C09AA02", "马来酸依那普利片 10mg", "enalapril"),
				new Drug("C09CA01", "氯沙坦钾片 50mg", "losartan"),
				new Drug("C09CA03", "缬沙坦胶囊 80mg", "valsartan"),
				new Drug("C09CA04", "厄贝沙坦片 150mg", "irbesartan"),
				new Drug("C07AB02", "酒石酸美托洛尔片 25mg", "metoprolol"),
				new Drug("C07AB07", "富马酸比索洛尔片 5mg", "bisoprolol"),
				new Drug("C03AA03", "氢氯噻嗪片 25mg", "hydrochlorothiazide"),
				new Drug("C03BA11", "吲达帕胺片 2.5mg", "indapamide")));
		BY_DISEASE.put("糖尿病", List.of(
				new Drug("A10BA02", "盐酸二甲双胍片 0.5g", "metformin"),
				new Drug("A10BB09", "格列齐特缓释片 30mg", "gliclazide"),
				new Drug("A10BB12", "格列美脲片 2mg", "glimepiride"),
				new Drug("A10BF01", "阿卡波糖片 50mg", "acarbose"),
				new Drug("A10BH01", "磷酸西格列汀片 100mg", "sitagliptin"),
				new Drug("A10BX02", "瑞格列奈片 1mg", "repaglinide"),
				new Drug("A10AE04", "甘精胰岛素注射液 300U", "insulin glargine")));
		BY_DISEASE.put("病毒性肝炎", List.of(
				new Drug("J05AF10", "恩替卡韦分散片 0.5mg", "entecavir"),
				new Drug("J05AF07", "富马酸替诺福韦二吡呋酯片 300mg", "tenofovir disoproxil"),
				new Drug("J05AF13", "富马酸丙酚替诺福韦片 25mg", "tenofovir alafenamide"),
				new Drug("J05AF05", "拉米夫定片 100mg", "lamivudine"),
				new Drug("J05AF08", "阿德福韦酯片 10mg", "adefovir dipivoxil"),
				new Drug("A05BA03", "水飞蓟宾胶囊 35mg", "silibinin"),
				new Drug("L03AB11", "聚乙二醇干扰素α-2a注射液 180μg", "peginterferon alfa-2a")));
		BY_DISEASE.put("严重精神障碍", List.of(
				new Drug("N05AH03", "奥氮平片 5mg", "olanzapine"),
				new Drug("N05AX08", "利培酮片 1mg", "risperidone"),
				new Drug("N05AH04", "富马酸喹硫平片 100mg", "quetiapine"),
				new Drug("N05AX12", "阿立哌唑片 5mg", "aripiprazole"),
				new Drug("N05AH02", "氯氮平片 25mg", "clozapine"),
				new Drug("N05AN01", "碳酸锂缓释片 0.3g", "lithium"),
				new Drug("N03AG01", "丙戊酸钠缓释片 0.5g", "valproic acid")));
		BY_DISEASE.put("肺结核", List.of(
				new Drug("J04AC01", "异烟肼片 0.1g", "isoniazid"),
				new Drug("J04AB02", "利福平胶囊 0.15g", "rifampicin"),
				new Drug("J04AK01", "吡嗪酰胺片 0.25g", "pyrazinamide"),
				new Drug("J04AK02", "盐酸乙胺丁醇片 0.25g", "ethambutol"),
				new Drug("J04AM06", "异福酰胺片（四联）", "rifampicin, pyrazinamide, ethambutol and isoniazid"),
				new Drug("J04AB05", "利福喷丁胶囊 0.15g", "rifapentine"),
				new Drug("J04AM02", "异福片（二联）", "rifampicin and isoniazid")));
	}

	private Formularies() {
	}

	static String medicationId(String atc) {
		return DemoGroup.ID_PREFIX + "med-" + atc.toLowerCase(Locale.ROOT);
	}

	static List<Resource> resources(DemoGroup group) {
		List<Resource> resources = new ArrayList<>();
		BY_DISEASE.values().forEach(drugs -> drugs.forEach(drug -> resources.add(medication(drug))));
		for (int centre = 0; centre < group.townshipCentres().size(); centre++) {
			resources.add(formulary(group.townshipCentres().get(centre), centre));
		}
		return resources;
	}

	private static Medication medication(Drug drug) {
		Medication medication = new Medication();
		medication.setId(medicationId(drug.atc()));
		medication.setStatus(Medication.MedicationStatus.ACTIVE);
		medication.setCode(new CodeableConcept(new Coding(Systems.ATC, drug.atc(), drug.english())).setText(drug.name()));
		return medication;
	}

	/** Centre c lacks drug d of a disease when (c + d) % 4 == 0: at most two of seven, different at each centre. */
	private static ListResource formulary(DemoGroup.Site centre, int index) {
		ListResource list = new ListResource();
		list.setId(DemoGroup.ID_PREFIX + "formulary-" + centre.id().substring(DemoGroup.ID_PREFIX.length()));
		list.getMeta().addProfile(Systems.PROFILE_FORMULARY);
		list.addIdentifier(new Identifier().setSystem(Systems.FORMULARY).setValue(centre.id()));
		list.setStatus(ListResource.ListStatus.CURRENT).setMode(ListResource.ListMode.WORKING);
		list.setTitle(centre.name() + "药品目录");
		list.setCode(new CodeableConcept(new Coding(Systems.LIST_TYPE, "formulary", "药品目录")));
		for (List<Drug> drugs : BY_DISEASE.values()) {
			for (int d = 0; d < drugs.size(); d++) {
				if ((index + d) % 4 != 0) {
					list.addEntry().setItem(new Reference("Medication/" + medicationId(drugs.get(d).atc()))
							.setDisplay(drugs.get(d).name()));
				}
			}
		}
		return list;
	}
}
