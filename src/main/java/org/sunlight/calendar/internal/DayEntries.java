package org.sunlight.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.sunlight.calendar.CalendarDay;
import org.sunlight.calendar.DayKind;
import org.sunlight.system.Columns;

/**
 * Checks the exceptions an administrator enters for one year and reports every problem at once,
 * each naming the entry by its position, so that a refused table can be fixed in one go.
 */
public final class DayEntries {

	/** One entry as sent: text, so that a malformed date or kind gets a precise answer. */
	public record DayEntry(@Size(max = Columns.CODE) String date, @Size(max = Columns.CODE) String kind,
			@Size(max = Columns.DAY_NAME) String name) {
	}

	public static final int MIN_YEAR = 1900;

	public static final int MAX_YEAR = 9999;

	static final int MAX_NAME = 64;

	private DayEntries() {
	}

	public static void checkYear(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException("year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
		}
	}

	/** @throws IllegalArgumentException listing every problem */
	public static List<CalendarDay> check(int year, List<DayEntry> entries) {
		checkYear(year);
		if (entries == null) {
			throw new IllegalArgumentException("the body must be a list of {date, kind, name}");
		}
		List<String> problems = new ArrayList<>();
		List<CalendarDay> days = new ArrayList<>();
		Map<LocalDate, Integer> seen = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			DayEntry entry = entries.get(i);
			String at = "days[" + i + "]";
			if (entry == null) {
				problems.add(at + " is empty");
				continue;
			}
			LocalDate date = date(entry.date(), at, problems);
			DayKind kind = kind(entry.kind(), at, problems);
			String name = entry.name() == null || entry.name().isBlank() ? null : entry.name().trim();
			if (name != null && name.length() > MAX_NAME) {
				problems.add(at + ".name is longer than " + MAX_NAME + " characters");
			}
			if (date == null) {
				continue;
			}
			if (date.getYear() != year) {
				problems.add(at + ".date " + date + " is outside " + year);
			}
			Integer first = seen.putIfAbsent(date, i);
			if (first != null) {
				problems.add(at + ".date " + date + " is already given in days[" + first + "]");
			}
			if (kind == DayKind.WORKDAY && !weekend(date)) {
				problems.add(at + ".date " + date + " is a "
						+ date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
						+ "; a make-up WORKDAY must be a Saturday or Sunday");
			}
			if (kind != null) {
				days.add(new CalendarDay(date, kind, name));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return days;
	}

	private static LocalDate date(String text, String at, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(at + ".date is required");
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(at + ".date '" + text + "' is not a date of the form 2026-10-01");
			return null;
		}
	}

	private static DayKind kind(String text, String at, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(at + ".kind is required: HOLIDAY or WORKDAY");
			return null;
		}
		try {
			return DayKind.valueOf(text.trim());
		}
		catch (IllegalArgumentException ex) {
			problems.add(at + ".kind '" + text + "' is unknown: use HOLIDAY or WORKDAY");
			return null;
		}
	}

	private static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
