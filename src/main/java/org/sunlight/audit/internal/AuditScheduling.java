package org.sunlight.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.sunlight.audit.AuditTrail;

/** Seals the audit chain in the background, so it never lags far behind the acts. */
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

}
