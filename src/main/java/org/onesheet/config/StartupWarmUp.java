package org.onesheet.config;

import org.hl7.fhir.utilities.xhtml.XhtmlParser;

/**
 * Start-up runs on one thread while the second core idles, and the first {@code /metadata} then spends
 * about 3 s initialising libraries. This daemon thread does two of those one-time, self-contained jobs early,
 * in parallel: Apache Jena (HAPI's RDF support), and loading and linking the XHTML parser's classes. The
 * parser's entity table itself is not kept: HAPI 8.8's core library (6.7.9) fills it again for every parser
 * it makes (fixed upstream in 6.9.5; see the README's Performance section). Nothing here holds state the
 * application reads; it only saves the first request the wait.
 */
public final class StartupWarmUp {

	private StartupWarmUp() {
	}

	public static void begin() {
		Thread thread = new Thread(StartupWarmUp::warmUp, "startup-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private static void warmUp() {
		try {
			new XhtmlParser();
			org.apache.jena.sys.JenaSystem.init();
		} catch (RuntimeException | LinkageError e) {
			// Only a head start: whatever fails here is done again, properly, when first needed.
		}
	}
}
