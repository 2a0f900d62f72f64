package org.onesheet.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one organisation stocks, by WHO ATC code (code → name). Substitutes are sought in the same chemical
 * subgroup (ATC level 4, five characters, e.g. C09CA angiotensin II receptor blockers), else in the same
 * pharmacological subgroup (level 3, four characters, e.g. C09C).
 */
record Formulary(String organization, String title, Map<String, String> stocked) {

	boolean stocks(String atc) {
		return stocked.containsKey(atc);
	}

	/** The stocked medicines of the closest ATC class that has any, and that class. */
	Optional<Map.Entry<String, List<String>>> substitutesFor(String atc) {
		for (int level : new int[] {5, 4}) {
			if (atc.length() < level) {
				continue;
			}
			String atcClass = atc.substring(0, level);
			List<String> substitutes = stocked.entrySet().stream()
					.filter(drug -> drug.getKey().startsWith(atcClass))
					.map(drug -> drug.getValue() + " (" + drug.getKey() + ")")
					.sorted()
					.toList();
			if (!substitutes.isEmpty()) {
				return Optional.of(Map.entry(atcClass, substitutes));
			}
		}
		return Optional.empty();
	}
}
