package org.onesheet.metrics;

import java.util.HashMap;
import java.util.Map;

/** Numerator and denominator counts of a stratifier's strata, with the name each stratum is shown under. */
final class Strata {

	private final Map<String, long[]> counts = new HashMap<>();
	private final Map<String, String> names = new HashMap<>();

	/** Adds {@code denominator} to the stratum, and as much of it as counts to the numerator. */
	void add(String key, String name, long numerator, long denominator) {
		long[] stratum = counts.computeIfAbsent(key, k -> new long[2]);
		stratum[0] += numerator;
		stratum[1] += denominator;
		names.putIfAbsent(key, name);
	}

	Map<String, long[]> counts() {
		return counts;
	}

	Map<String, String> names() {
		return names;
	}
}
