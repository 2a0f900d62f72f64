package org.onesheet.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Races: each client on a thread of its own, all released together, so that their requests meet on the
 * server (the races the database must settle: plan versions, slot bookings, worklist claims).
 */
public final class AtOnce {

	private AtOnce() {
	}

	/** The clients' results, in the order given; fails if any is not done within {@code timeout}. */
	public static <T> List<T> run(List<Callable<T>> clients, Duration timeout) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> outcomes = new ArrayList<>();
			for (Callable<T> client : clients) {
				outcomes.add(threads.submit(() -> {
					start.await();
					return client.call();
				}));
			}
			start.countDown();
			long deadline = System.nanoTime() + timeout.toNanos();
			List<T> results = new ArrayList<>();
			for (Future<T> outcome : outcomes) {
				results.add(outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			return results;
		} finally {
			threads.shutdownNow();
		}
	}
}
