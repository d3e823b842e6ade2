package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;

/** One stop of a case's clock; {@code to} is null while it lasts. {@code paused} is working time. */
public record ClockPause(String id, String caseId, PauseCategory category, String reason, String by, Instant from,
		Instant to, String endedBy, Duration paused) {

	public boolean open() {
		return to == null;
	}

}
