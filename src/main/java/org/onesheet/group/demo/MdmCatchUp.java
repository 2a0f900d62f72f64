package org.onesheet.group.demo;

import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.dao.IMdmLinkDao;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Waits until HAPI's MDM has linked the Patients the demo loader stored so far. MDM links each Patient write
 * on background threads, several at a time; a walk-in stored before the resident's first registration is
 * linked finds no golden record to be a possible match of, and starts one of its own. A clinic's walk-in
 * comes days after the registration; the demo, written in one minute, waits instead.
 */
@Component
class MdmCatchUp {

	private static final Logger log = LoggerFactory.getLogger(MdmCatchUp.class);
	private static final Duration POLL = Duration.ofMillis(250);

	private final IMdmSettings settings;
	private final IMdmLinkDao<?, ?> links;

	MdmCatchUp(IMdmSettings settings, IMdmLinkDao<?, ?> links) {
		this.settings = settings;
		this.links = links;
	}

	/** Returns once there are at least {@code patients} MDM links, or after {@code timeout} with a warning. */
	void awaitLinks(long patients, Duration timeout) {
		if (!settings.isEnabled()) {
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (links.count() < patients) {
			if (System.nanoTime() > deadline) {
				log.warn("MDM has linked {} of the demo's {} first registrations after {}; loading the later ones anyway",
						links.count(), patients, timeout);
				return;
			}
			try {
				Thread.sleep(POLL.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
