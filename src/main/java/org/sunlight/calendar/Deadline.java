package org.sunlight.calendar;

import java.time.Instant;

/**
 * When a time limit runs out. {@code covered} is false when the count had to know whether a day
 * in a year the holiday table does not cover is a working day; such days were judged on weekends
 * alone, and the deadline may move once the State Council's table for that year is entered.
 */
public record Deadline(Instant deadline, boolean covered) {
}
