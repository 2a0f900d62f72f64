package org.onesheet.group.demo;

import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.onesheet.identity.Systems;

/**
 * The real geography of 吉木萨尔县 (Jimsar county, Changji prefecture, Xinjiang; GB/T 2260 code 652327),
 * whose county general hospital leads eight township health centres (see the source articles).
 * Township names are real; village names are typical of the county but the people in them are invented.
 */
public final class CountyGeography {

	public static final String PROVINCE = "新疆维吾尔自治区";
	public static final String PREFECTURE = "昌吉回族自治州";
	public static final String COUNTY = "吉木萨尔县";
	public static final String COUNTY_CODE = "652327";
	public static final String POSTAL_CODE = "831700";
	public static final String COUNTY_SEAT = "吉木萨尔镇";

	/** A township (乡镇) with its villages; {@code code} is the two-digit suffix used in our ids. */
	public record Township(String code, String name, List<String> villages) {}

	public static final List<Township> TOWNSHIPS = List.of(
			new Township("01", "北庭镇", List.of("古城村", "破城子村", "北庭村", "西上湖村", "东二畦村")),
			new Township("02", "三台镇", List.of("三台村", "羊圈沟村", "西地村", "黄蒿湖村")),
			new Township("03", "泉子街镇", List.of("泉子街村", "小分子村", "大龙口村")),
			new Township("04", "二工镇", List.of("二工村", "头工村", "上二工村", "沙河子村")),
			new Township("05", "大有镇", List.of("大有村", "广泉村", "红旗村", "三屯村", "小渠子村")),
			new Township("06", "庆阳湖乡", List.of("庆阳湖村", "双河村", "黄渠村")),
			new Township("07", "老台乡", List.of("老台村", "西湖村", "渭户村", "沙山子村")),
			new Township("08", "五彩湾镇", List.of("五彩湾社区", "火烧山村", "彩南村")));

	private CountyGeography() {
	}

	/**
	 * An address in the county from what follows the county's name (township, village, house number):
	 * the full text as a clinic writes it, the parts, and the GB/T 2260 county code.
	 */
	static Address address(String line) {
		Address address = new Address();
		address.setText(PROVINCE + PREFECTURE + COUNTY + line);
		address.addLine(line);
		address.setState(PROVINCE);
		address.setCity(PREFECTURE);
		address.setDistrict(COUNTY);
		address.setPostalCode(POSTAL_CODE);
		address.setCountry("CN");
		address.addExtension(Systems.EXT_ADDRESS_DIVISION, new Coding(Systems.ADMINISTRATIVE_DIVISION, COUNTY_CODE, COUNTY));
		return address;
	}
}
