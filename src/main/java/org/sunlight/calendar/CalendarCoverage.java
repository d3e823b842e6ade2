package org.sunlight.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * Whether the holiday table covers the current year and, from November on, the next one: the
 * State Council publishes the next year's table in November or December, and deadlines start
 * reaching into that year about then.
 */
public record CalendarCoverage(int currentYear, boolean currentYearCovered, int nextYear, boolean nextYearCovered,
		boolean nextYearDue) {

	public static CalendarCoverage of(HolidayTable table, LocalDate today) {
		int year = today.getYear();
		return new CalendarCoverage(year, table.covers(year), year + 1, table.covers(year + 1),
				today.getMonthValue() >= Month.NOVEMBER.getValue());
	}

	/** What an administrator should do, when anything. */
	public Optional<String> warning() {
		if (!currentYearCovered) {
			return Optional.of("the holiday table does not cover " + currentYear
					+ ": deadlines are computed on weekends alone and flagged covered=false;"
					+ " enter the State Council's table with PUT /api/calendar/days/" + currentYear);
		}
		if (nextYearDue && !nextYearCovered) {
			return Optional.of("the holiday table does not cover " + nextYear + " yet: deadlines reaching into "
					+ nextYear + " are computed on weekends alone and flagged covered=false;"
					+ " enter the State Council's table when it is published with PUT /api/calendar/days/" + nextYear);
		}
		return Optional.empty();
	}

}
