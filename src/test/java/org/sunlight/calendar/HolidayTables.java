package org.sunlight.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The State Council tables for 2025 and 2026 as DOMAIN.md gives them: the seed must equal these. */
public final class HolidayTables {

	private HolidayTables() {
	}

	/** 2025 and 2026 covered; 2027 not yet published. */
	public static HolidayTable seeded() {
		List<CalendarDay> days = new ArrayList<>(year2025());
		days.addAll(year2026());
		return HolidayTable.of(days, Set.of(2025, 2026));
	}

	public static WorkCalendar calendar() {
		return WorkCalendar.of(seeded());
	}

	public static List<CalendarDay> year2026() {
		List<CalendarDay> days = new ArrayList<>();
		holidays(days, "2026-01-01", "2026-01-03", "元旦");
		workday(days, "2026-01-04", "元旦调休上班");
		workday(days, "2026-02-14", "春节调休上班");
		holidays(days, "2026-02-15", "2026-02-23", "春节");
		workday(days, "2026-02-28", "春节调休上班");
		holidays(days, "2026-04-04", "2026-04-06", "清明节");
		holidays(days, "2026-05-01", "2026-05-05", "劳动节");
		workday(days, "2026-05-09", "劳动节调休上班");
		holidays(days, "2026-06-19", "2026-06-21", "端午节");
		workday(days, "2026-09-20", "国庆节调休上班");
		holidays(days, "2026-09-25", "2026-09-27", "中秋节");
		holidays(days, "2026-10-01", "2026-10-07", "国庆节");
		workday(days, "2026-10-10", "国庆节调休上班");
		return days;
	}

	public static List<CalendarDay> year2025() {
		List<CalendarDay> days = new ArrayList<>();
		holidays(days, "2025-01-01", "2025-01-01", "元旦");
		workday(days, "2025-01-26", "春节调休上班");
		holidays(days, "2025-01-28", "2025-02-04", "春节");
		workday(days, "2025-02-08", "春节调休上班");
		holidays(days, "2025-04-04", "2025-04-06", "清明节");
		workday(days, "2025-04-27", "劳动节调休上班");
		holidays(days, "2025-05-01", "2025-05-05", "劳动节");
		holidays(days, "2025-05-31", "2025-06-02", "端午节");
		workday(days, "2025-09-28", "国庆节、中秋节调休上班");
		holidays(days, "2025-10-01", "2025-10-08", "国庆节、中秋节");
		workday(days, "2025-10-11", "国庆节、中秋节调休上班");
		return days;
	}

	private static void holidays(List<CalendarDay> days, String from, String to, String name) {
		LocalDate last = LocalDate.parse(to);
		for (LocalDate day = LocalDate.parse(from); !day.isAfter(last); day = day.plusDays(1)) {
			days.add(new CalendarDay(day, DayKind.HOLIDAY, name));
		}
	}

	private static void workday(List<CalendarDay> days, String date, String name) {
		days.add(new CalendarDay(LocalDate.parse(date), DayKind.WORKDAY, name));
	}

}
