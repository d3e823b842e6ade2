package org.sunlight.calendar;

/**
 * Published by the daily coverage check while the holiday table misses {@code year} (this year,
 * or from November the next): {@code warning} says what the administrator should do.
 */
public record CalendarRunningOut(int year, String warning) {
}
