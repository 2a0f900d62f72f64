package org.onesheet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a request N times from C concurrent clients and summarises the latencies. */
final class Timings {

	interface Request {
		void run(int i) throws Exception;
	}

	record Summary(int clients, int requests, double p50, double p95, double p99, double seconds) {

		double perSecond() {
			return requests / seconds;
		}

		/** The same latencies, with work the requests left behind counted in their throughput. */
		Summary withMoreSeconds(double more) {
			return new Summary(clients, requests, p50, p95, p99, seconds + more);
		}
	}

	private Timings() {
	}

	static Summary time(int clients, int requests, Request request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Double>> futures = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < requests; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					long begin = System.nanoTime();
					request.run(n);
					return (System.nanoTime() - begin) / 1e6;
				}));
			}
			List<Double> millis = new ArrayList<>();
			for (Future<Double> future : futures) {
				millis.add(future.get());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Collections.sort(millis);
			return new Summary(clients, requests, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), seconds);
		} finally {
			pool.shutdownNow();
		}
	}

	static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}
}
