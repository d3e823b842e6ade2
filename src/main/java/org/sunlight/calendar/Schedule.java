package org.sunlight.calendar;

import java.time.Instant;

/** The yellow warning time and the deadline of one time limit, computed together on one table. */
public record Schedule(Instant warnAt, Instant deadline, boolean covered) {
}
