package org.sunlight.modeling;

import java.time.OffsetDateTime;

/**
 * A version of a power submitted for review, with the outcome once decided. {@code note} is the
 * reviewer's note on approval and the reason on rejection.
 */
public record PowerSubmission(String powerCode, int version, String processKey, String name, String department,
		int warnings, ReviewStatus status, String submittedBy, OffsetDateTime submittedAt, String reviewedBy,
		OffsetDateTime reviewedAt, String note) {
}
