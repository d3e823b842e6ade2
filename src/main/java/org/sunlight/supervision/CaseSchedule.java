package org.sunlight.supervision;

import java.time.Instant;

/**
 * When a case started, when it turns yellow and when it is due, on its power's calendar.
 * {@code covered} is false when the holiday table does not reach the deadline, so it was
 * computed on weekends alone.
 */
public record CaseSchedule(String caseId, String powerCode, String calendar, String timeLimit, Instant startedAt,
		Instant warnAt, Instant deadline, boolean covered) {
}
