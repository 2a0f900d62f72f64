package org.onesheet.metrics;

import java.util.List;

/** Median and nearest-rank percentiles of sorted values. */
final class Percentiles {

	private Percentiles() {
	}

	/** The middle value; the mean of the two middle ones for an even count. */
	static double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** Nearest rank: the value at rank ⌈p/100 · n⌉. */
	static double nearestRank(List<Double> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}
}
