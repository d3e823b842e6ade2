package org.sunlight.calendar;

import java.time.LocalDate;

/** One row of the holiday table: a date that is not what the plain week says it is. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

	public CalendarDay {
		if (date == null || kind == null) {
			throw new IllegalArgumentException("a calendar day needs its date and kind");
		}
	}

}
