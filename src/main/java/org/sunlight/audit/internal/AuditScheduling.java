package org.sunlight.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.sunlight.audit.AuditTrail;

/**
 * Seals the audit chain in the background, so it never lags far behind the acts, and signs its
 * head into a checkpoint outside the database every {@code sunlight.audit.checkpoint-every}: rows
 * removed from the end are caught as far back as the newest checkpoint.
 */
@Configuration
@EnableScheduling
class AuditScheduling {

	private final AuditTrail trail;

	AuditScheduling(AuditTrail trail) {
		this.trail = trail;
	}

	@Scheduled(initialDelayString = "${sunlight.audit.seal-every:1s}", fixedDelayString = "${sunlight.audit.seal-every:1s}")
	void seal() {
		while (trail.seal() == AuditTrail.SEAL_BATCH) {
			// a burst: keep going until the tail is sealed
		}
	}

	@Scheduled(initialDelayString = "${sunlight.audit.checkpoint-every:10s}",
			fixedDelayString = "${sunlight.audit.checkpoint-every:10s}")
	void checkpoint() {
		trail.checkpoint();
	}

}
