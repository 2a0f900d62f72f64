package org.onesheet.record;

import ca.uhn.fhir.mdm.rules.json.MdmMatcherJson;
import ca.uhn.fhir.mdm.rules.matcher.models.IMdmFieldMatcher;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Compares two strings as a registration clerk would read them: 王　芳 (full-width space), 王 芳 and 王芳 are one
 * name, so are ＷＡＮＧ and WANG, and 买买提・艾力 with any of the dots clerks type for the separator of a
 * minority name. NFKC folds full-width forms to their ordinary ones; whitespace is dropped since Chinese names
 * have none. Without {@code exact} the comparison also ignores letter case. No phonetic encoding: Soundex and
 * its kin know nothing of 汉字, and many different names share a pinyin.
 */
public class ChineseNameMatcher implements IMdmFieldMatcher {

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
	private static final Pattern NAME_DOTS = Pattern.compile("[\\u00B7\\u2022\\u2027\\u30FB\\uFF65\\u2219.]");

	@Override
	public boolean matches(IBase left, IBase right, MdmMatcherJson params) {
		if (!(left instanceof IPrimitiveType<?> leftValue) || !(right instanceof IPrimitiveType<?> rightValue)) {
			return false;
		}
		String leftName = normalise(leftValue.getValueAsString());
		String rightName = normalise(rightValue.getValueAsString());
		if (leftName.isEmpty()) {
			return false;
		}
		return params.getExact() ? leftName.equals(rightName) : leftName.equalsIgnoreCase(rightName);
	}

	static String normalise(String name) {
		if (name == null) {
			return "";
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
		return NAME_DOTS.matcher(WHITESPACE.matcher(folded).replaceAll("")).replaceAll("·");
	}
}
