package org.sunlight.stats;

import java.time.Duration;
import java.time.OffsetDateTime;

/** A case whose clock is stopped now, with who stopped it, why, and how much it has been paused in all. */
public record PausedCase(String caseId, String caseNumber, String powerCode, String powerName, String department,
		String category, String reason, String pausedBy, OffsetDateTime pausedAt, Duration pausedNow,
		Duration pausedInAll, int pauses) {
}
