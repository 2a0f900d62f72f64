package org.onesheet.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for what the server does after it has answered (MDM's links, subscriptions, the audit drain, the
 * index build): Awaitility, polling what a client can see, within a minute unless a test says otherwise.
 *
 * <p>Awaitility would by default fail the wait on an exception thrown in any thread of the JVM; here the server
 * runs in the test's JVM, and its background threads' failures (logged by HAPI, e.g. a delivery to a
 * subscription another test has just deleted) are not what the test is waiting for.
 */
public final class Eventually {

	private Eventually() {
	}

	public static ConditionFactory that(String what) {
		return Awaitility.await(what).dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200));
	}
}
