package org.sunlight.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The holidays and make-up working days the State Council publishes each year, and the years
 * whose table has been entered. A year without an entry is not covered: its days follow the
 * plain week, and results that depend on them say so.
 */
public record HolidayTable(Map<LocalDate, CalendarDay> days, Set<Integer> coveredYears) {

	public HolidayTable {
		days = Map.copyOf(days);
		coveredYears = Set.copyOf(coveredYears);
	}

	public static HolidayTable of(Collection<CalendarDay> days, Collection<Integer> coveredYears) {
		return new HolidayTable(days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity())),
				Set.copyOf(coveredYears));
	}

	/** No holidays and no covered year: weekends alone. */
	public static HolidayTable weekendsOnly() {
		return new HolidayTable(Map.of(), Set.of());
	}

	public Optional<DayKind> exception(LocalDate date) {
		CalendarDay day = days.get(date);
		return day == null ? Optional.empty() : Optional.of(day.kind());
	}

	public boolean covers(int year) {
		return coveredYears.contains(year);
	}

	public List<CalendarDay> year(int year) {
		return days.values().stream()
			.filter(day -> day.date().getYear() == year)
			.sorted(Comparator.comparing(CalendarDay::date))
			.toList();
	}

	public List<Integer> sortedYears() {
		return coveredYears.stream().sorted().toList();
	}

}
