package org.sunlight.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.sunlight.calendar.CalendarCoverage;
import org.sunlight.calendar.HolidayTable;
import org.sunlight.calendar.HolidayTables;

/** The coverage warning: this year always, the next one from November. */
class CalendarHealthTests {

	@Test
	void isQuietWhileOnlyThisYearIsNeededAndCovered() {
		CalendarCoverage october = CalendarCoverage.of(HolidayTables.seeded(), LocalDate.of(2026, 10, 31));

		assertThat(october.nextYearCovered()).isFalse();
		assertThat(october.warning()).isEmpty();
	}

	@Test
	void asksForNextYearsTableFromNovember() {
		CalendarCoverage november = CalendarCoverage.of(HolidayTables.seeded(), LocalDate.of(2026, 11, 1));

		assertThat(november.warning()).hasValueSatisfying(warning -> assertThat(warning)
			.contains("does not cover 2027").contains("PUT /api/calendar/days/2027"));
		assertThat(CalendarCoverage.of(HolidayTable.of(List.of(), Set.of(2026, 2027)), LocalDate.of(2026, 12, 1))
			.warning()).isEmpty();
	}

	@Test
	void asksForThisYearsTableWhenItIsMissing() {
		assertThat(CalendarCoverage.of(HolidayTables.seeded(), LocalDate.of(2027, 3, 1)).warning())
			.hasValueSatisfying(warning -> assertThat(warning).contains("does not cover 2027"));
	}

	@Test
	void staysUpWithTheWarningAsADetail() {
		CalendarSource source = new CalendarSource(null, new CalendarProperties("Asia/Shanghai",
				List.of("09:00-12:00", "13:30-17:30"), Duration.ZERO)) {

			@Override
			public org.sunlight.calendar.WorkCalendar current() {
				return HolidayTables.calendar();
			}

		};
		Clock november22 = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

		Health health = new CalendarHealthIndicator(source, november22).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("currentYear", 2026)
			.containsEntry("currentYearCovered", true)
			.containsEntry("nextYear", 2027)
			.containsEntry("nextYearCovered", false)
			.containsEntry("coveredYears", List.of(2025, 2026))
			.containsEntry("zone", "Asia/Shanghai")
			.containsKey("warning");
	}

}
