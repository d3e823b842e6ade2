package org.sunlight.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunlight.calendar.CalendarDay;
import org.sunlight.calendar.DayKind;
import org.sunlight.calendar.internal.DayEntries.DayEntry;

class DayEntriesTests {

	@Test
	void acceptsHolidaysOnAnyDayAndMakeUpDaysOnWeekends() {
		List<CalendarDay> days = DayEntries.check(2026, List.of(new DayEntry("2026-01-01", "HOLIDAY", "元旦"),
				new DayEntry("2026-01-03", "HOLIDAY", " 元旦 "), new DayEntry("2026-01-04", "WORKDAY", ""),
				new DayEntry("2026-02-14", "WORKDAY", null)));

		assertThat(days).containsExactly(new CalendarDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "元旦"),
				new CalendarDay(LocalDate.of(2026, 1, 3), DayKind.HOLIDAY, "元旦"),
				new CalendarDay(LocalDate.of(2026, 1, 4), DayKind.WORKDAY, null),
				new CalendarDay(LocalDate.of(2026, 2, 14), DayKind.WORKDAY, null));
	}

	@Test
	void reportsEveryProblemWithItsPosition() {
		List<DayEntry> entries = Arrays.asList(new DayEntry("2027-01-01", "HOLIDAY", null),
				new DayEntry("2026-10-01", "HOLIDAY", null), new DayEntry("2026-10-01", "HOLIDAY", null),
				new DayEntry("2026-10-09", "WORKDAY", null), new DayEntry("2026-02-30", "HOLIDAY", null),
				new DayEntry("2026-05-01", "VACATION", null), new DayEntry(null, null, null), null,
				new DayEntry("2026-06-01", "HOLIDAY", "x".repeat(65)));

		assertThatThrownBy(() -> DayEntries.check(2026, entries)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("days[0].date 2027-01-01 is outside 2026; "
					+ "days[2].date 2026-10-01 is already given in days[1]; "
					+ "days[3].date 2026-10-09 is a Friday; a make-up WORKDAY must be a Saturday or Sunday; "
					+ "days[4].date '2026-02-30' is not a date of the form 2026-10-01; "
					+ "days[5].kind 'VACATION' is unknown: use HOLIDAY or WORKDAY; "
					+ "days[6].date is required; days[6].kind is required: HOLIDAY or WORKDAY; "
					+ "days[7] is empty; days[8].name is longer than 64 characters");
	}

	@Test
	void refusesYearsNoOneMeans() {
		assertThatThrownBy(() -> DayEntries.check(12026, List.of())).hasMessage("year 12026 is outside 1900–9999");
	}

}
