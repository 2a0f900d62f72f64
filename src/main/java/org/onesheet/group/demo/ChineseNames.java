package org.onesheet.group.demo;

import java.util.List;
import java.util.Random;
import org.onesheet.identity.ResidentId.Sex;

/**
 * Invented names as the county's residents carry them: mostly Han and Hui family names with one or two
 * given characters, and about one in ten Kazakh or Uyghur names written in 汉字 with the middle dot.
 */
final class ChineseNames {

	/** A name split the way FHIR HumanName wants it; {@code text} is how it is written in full. */
	record Name(String family, String given, String text) {}

	private static final List<String> FAMILY = List.of(
			"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
			"林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘",
			"于", "蒋", "蔡", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "谭", "陆",
			"范", "金", "石", "贾", "夏", "付", "方", "白", "孟", "秦", "江", "薛", "闫", "段", "雷", "侯", "史", "郝");
	private static final String MALE_GIVEN = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊旭宁龙林国建志文海春东亮成新德福";
	private static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕玲桂英秀兰梅红萍琳婷雪慧颖倩莉洁琴云凤玉珍月晶佳欣";
	private static final List<String> MINORITY_MALE = List.of("努尔兰", "叶尔江", "哈那提", "阿斯哈尔", "别克", "艾力", "买买提");
	private static final List<String> MINORITY_FEMALE = List.of("阿依古丽", "古丽娜", "加娜尔", "阿娜尔古丽", "热娜", "迪娜");

	private ChineseNames() {
	}

	static Name next(Random random, Sex sex) {
		if (random.nextInt(10) == 0) {
			List<String> own = sex == Sex.MALE ? MINORITY_MALE : MINORITY_FEMALE;
			String given = pick(random, own);
			String father = pick(random, MINORITY_MALE);
			// 父名 stands where a family name would; the full form joins them with the middle dot.
			return new Name(father, given, given + "·" + father);
		}
		String family = pick(random, FAMILY);
		String pool = sex == Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
		StringBuilder given = new StringBuilder().append(pool.charAt(random.nextInt(pool.length())));
		if (random.nextInt(3) > 0) {
			given.append(pool.charAt(random.nextInt(pool.length())));
		}
		return new Name(family, given.toString(), family + given);
	}

	static <T> T pick(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}
}
