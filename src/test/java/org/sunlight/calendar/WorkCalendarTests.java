package org.sunlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sunlight.calendar.CalendarKind.NATURAL;
import static org.sunlight.calendar.CalendarKind.WORKDAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of time on real 2025–2026 dates (DOMAIN.md, "Rules of time"). */
class WorkCalendarTests {

	private final WorkCalendar calendar = HolidayTables.calendar();

	@ParameterizedTest(name = "{0} + {1} {2} = {3}")
	@CsvSource({
			// National Day: Oct 1–7 off, then Thu 8, Fri 9 and the make-up Saturday 10.
			"2026-09-30T10:00, P3D, workday, 2026-10-10T17:30",
			// Spring Festival: Saturday Feb 14 is a make-up working day.
			"2026-02-13T10:00, P1D, workday, 2026-02-14T17:30",
			"2026-02-13T10:00, P2D, workday, 2026-02-24T17:30",
			// New Year: Jan 1–3 off, Sunday Jan 4 is a working day.
			"2025-12-31T09:00, P1D, workday, 2026-01-04T17:30",
			// The start day never counts, whenever in the day or week the case starts.
			"2026-11-20T08:00, P1D, workday, 2026-11-23T17:30",
			"2026-11-20T20:00, P1D, workday, 2026-11-23T17:30",
			"2026-11-21T10:00, P1D, workday, 2026-11-23T17:30",
			// 20 working days across Mid-Autumn and National Day with two make-up days.
			"2026-09-15T10:00, P20D, workday, 2026-10-19T17:30",
			// Natural days end at 24:00 (the instant 00:00 of the next day).
			"2026-11-20T10:00, P3D, natural, 2026-11-24T00:00",
			// A last day on a holiday or a weekend moves to the next working day.
			"2026-04-30T10:00, P2D, natural, 2026-05-07T00:00",
			"2026-11-20T10:00, P1D, natural, 2026-11-24T00:00",
			// ...but a make-up Saturday is a working day and does not move.
			"2026-10-08T10:00, P2D, natural, 2026-10-11T00:00",
			// Hours count business hours only, from the next opening when outside them.
			"2026-11-20T16:30, PT2H, workday, 2026-11-23T10:00",
			"2026-11-23T07:00, PT1H, workday, 2026-11-23T10:00",
			"2026-11-23T12:30, PT1H, workday, 2026-11-23T14:30",
			"2026-11-23T11:00, PT2H, workday, 2026-11-23T14:30",
			// A limit that runs out at a close ends there, not at the next opening.
			"2026-11-23T11:00, PT1H, workday, 2026-11-23T12:00",
			"2026-11-23T16:30, PT1H, workday, 2026-11-23T17:30",
			"2026-09-30T16:00, PT2H, workday, 2026-10-08T09:30",
			// Natural hours are elapsed time, holidays or not.
			"2026-10-01T10:00, PT30H, natural, 2026-10-02T16:00",
			// Days first, then the time part from the end of the last day.
			"2026-11-23T10:00, P1DT4H, workday, 2026-11-25T14:30",
			"2026-11-23T10:00, P1DT4H, natural, 2026-11-25T04:00" })
	void countsLimitsByTheStatutoryRule(String start, String limit, String kind, String deadline) {
		Deadline result = calendar.deadline(at(start), TimeLimit.parse(limit), CalendarKind.of(kind));

		assertThat(result.deadline()).isEqualTo(at(deadline));
		assertThat(result.covered()).isTrue();
	}

	@ParameterizedTest(name = "{0} + {1} {2} = {3}, covered {4}")
	@CsvSource({
			// Jan 1 2027 is counted as a working day: the 2027 table is not published yet.
			"2026-12-30T10:00, P5D, workday, 2027-01-06T17:30, false",
			"2026-12-30T10:00, P1D, workday, 2026-12-31T17:30, true",
			"2026-12-31T16:30, PT2H, workday, 2027-01-01T10:00, false",
			"2026-12-30T10:00, P2D, natural, 2027-01-02T00:00, false",
			// Ends at 24:00 on Dec 31: only 2026 was consulted.
			"2026-12-30T10:00, P1D, natural, 2027-01-01T00:00, true",
			// Natural hours never consult the table.
			"2027-03-01T10:00, PT5H, natural, 2027-03-01T15:00, true" })
	void deadlinesReachingAnUncoveredYearCountWeekendsAloneAndSaySo(String start, String limit, String kind,
			String deadline, boolean covered) {
		Deadline result = calendar.deadline(at(start), TimeLimit.parse(limit), CalendarKind.of(kind));

		assertThat(result).isEqualTo(new Deadline(at(deadline), covered));
	}

	@Test
	void knowsWhichYearsAreCovered() {
		assertThat(calendar.covers(at("2026-12-31T23:59"))).isTrue();
		assertThat(calendar.covers(at("2027-01-01T00:00"))).isFalse();
		assertThat(calendar.covers(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 12, 31))).isTrue();
		assertThat(calendar.covers(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 1, 1))).isFalse();
	}

	@Test
	void makeUpDaysWorkAndHolidaysRestWhateverTheWeekday() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 3))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
	}

	@Test
	void measuresWorkingTimeWithinBusinessHours() {
		assertThat(calendar.between(at("2026-11-20T16:30"), at("2026-11-23T10:00"), WORKDAY)).isEqualTo(Duration.ofHours(2));
		assertThat(calendar.between(at("2026-11-23T00:00"), at("2026-11-24T00:00"), WORKDAY)).isEqualTo(Duration.ofHours(7));
		assertThat(calendar.between(at("2026-09-30T17:30"), at("2026-10-08T09:00"), WORKDAY)).isZero();
		assertThat(calendar.between(at("2026-10-10T08:00"), at("2026-10-11T08:00"), WORKDAY)).isEqualTo(Duration.ofHours(7));
		assertThat(calendar.between(at("2026-09-30T17:30"), at("2026-10-08T09:00"), NATURAL))
			.isEqualTo(Duration.ofDays(7).plusMinutes(930));
		assertThat(calendar.between(at("2026-11-24T00:00"), at("2026-11-23T00:00"), WORKDAY)).isZero();
	}

	@Test
	void pausesTakeAwayTheirWorkingTimeOnceEvenWhenTheyOverlap() {
		Instant monday = at("2026-11-23T09:00");
		Instant friday = at("2026-11-27T17:30");
		assertThat(calendar.between(monday, friday, WORKDAY)).isEqualTo(Duration.ofHours(35));

		List<Pause> overlapping = List.of(new Pause(at("2026-11-24T09:00"), at("2026-11-25T09:00")),
				new Pause(at("2026-11-24T12:00"), at("2026-11-25T12:00")));
		assertThat(calendar.between(monday, friday, overlapping, WORKDAY)).isEqualTo(Duration.ofHours(25));

		List<Pause> stillOpen = List.of(Pause.open(at("2026-11-26T13:30")));
		assertThat(calendar.between(monday, friday, stillOpen, WORKDAY)).isEqualTo(Duration.ofHours(24));

		List<Pause> outside = List.of(new Pause(at("2026-11-20T09:00"), at("2026-11-23T09:00")),
				Pause.open(at("2026-11-28T09:00")));
		assertThat(calendar.between(monday, friday, outside, WORKDAY)).isEqualTo(Duration.ofHours(35));

		List<Pause> overNationalDay = List.of(new Pause(at("2026-09-30T17:00"), at("2026-10-08T10:00")));
		assertThat(calendar.between(at("2026-09-30T09:00"), at("2026-10-08T17:30"), overNationalDay, WORKDAY))
			.isEqualTo(Duration.ofHours(12).plusMinutes(30));
	}

	@Test
	void takingWorkingTimeAwayGivesTheEarliestInstantWithThatMuchLeft() {
		Instant friday = at("2026-11-27T17:30");
		assertThat(calendar.minus(friday, Duration.ofHours(1), WORKDAY)).isEqualTo(at("2026-11-27T16:30"));
		// From 12:00 on, exactly four working hours are left: the lunch break holds none.
		assertThat(calendar.minus(friday, Duration.ofHours(4), WORKDAY)).isEqualTo(at("2026-11-27T12:00"));
		assertThat(calendar.minus(friday, Duration.ofHours(5), WORKDAY)).isEqualTo(at("2026-11-27T11:00"));
		assertThat(calendar.minus(friday, Duration.ofHours(7), WORKDAY)).isEqualTo(at("2026-11-26T17:30"));
		assertThat(calendar.minus(at("2026-10-08T10:00"), Duration.ofHours(2), WORKDAY)).isEqualTo(at("2026-09-30T16:30"));
		assertThat(calendar.minus(friday, Duration.ZERO, WORKDAY)).isEqualTo(friday);
	}

	@Test
	void warningsBeforeADeadlineGoBackWholeWorkingDaysThenHours() {
		Instant makeUpSaturday = at("2026-10-10T17:30");
		assertThat(calendar.before(makeUpSaturday, TimeLimit.parse("P1D"), WORKDAY)).isEqualTo(at("2026-10-09T17:30"));
		assertThat(calendar.before(makeUpSaturday, TimeLimit.parse("P3D"), WORKDAY)).isEqualTo(at("2026-09-30T17:30"));
		assertThat(calendar.before(makeUpSaturday, TimeLimit.parse("PT4H"), WORKDAY)).isEqualTo(at("2026-10-10T12:00"));
		assertThat(calendar.before(makeUpSaturday, TimeLimit.parse("P1DT1H"), WORKDAY)).isEqualTo(at("2026-10-09T16:30"));
		assertThat(calendar.before(at("2026-05-07T00:00"), TimeLimit.parse("P1D"), NATURAL)).isEqualTo(at("2026-05-06T00:00"));
	}

	@Test
	void warnsWhenAThirdOfTheLimitIsLeftUnlessTheStepSaysOtherwise() {
		Instant monday = at("2026-11-23T10:00");
		assertThat(calendar.schedule(monday, TimeLimit.parse("P3D"), null, WORKDAY))
			.isEqualTo(new Schedule(at("2026-11-25T17:30"), at("2026-11-26T17:30"), true));
		assertThat(calendar.schedule(monday, TimeLimit.parse("P3D"), TimeLimit.parse("PT2H"), WORKDAY))
			.isEqualTo(new Schedule(at("2026-11-26T15:30"), at("2026-11-26T17:30"), true));
		assertThat(calendar.schedule(at("2026-11-23T09:00"), TimeLimit.parse("PT6H"), null, WORKDAY))
			.isEqualTo(new Schedule(at("2026-11-23T14:30"), at("2026-11-23T16:30"), true));
		assertThat(calendar.schedule(monday, TimeLimit.parse("P3D"), null, NATURAL))
			.isEqualTo(new Schedule(at("2026-11-26T00:00"), at("2026-11-27T00:00"), true));
	}

	@Test
	void aWarningThatWouldComeBeforeTheStartComesAtTheStart() {
		Instant start = at("2026-11-23T10:00");
		Schedule schedule = calendar.schedule(start, TimeLimit.parse("PT2H"), TimeLimit.parse("P1D"), WORKDAY);

		assertThat(schedule.warnAt()).isEqualTo(start);
		assertThat(schedule.deadline()).isEqualTo(at("2026-11-23T12:00"));
	}

	@Test
	void aLimitStandsForWholeDaysOfBusinessHoursOrOfTwentyFourHours() {
		assertThat(calendar.length(TimeLimit.parse("P3DT2H"), WORKDAY)).isEqualTo(Duration.ofHours(23));
		assertThat(calendar.length(TimeLimit.parse("P3DT2H"), NATURAL)).isEqualTo(Duration.ofHours(74));
	}

	@Test
	void businessHoursAndZoneAreConfigurable() {
		WorkCalendar utcNineToFive = new WorkCalendar(HolidayTable.weekendsOnly(),
				BusinessHours.parse(List.of("09:00-17:00")), ZoneOffset.UTC);

		assertThat(utcNineToFive.deadline(Instant.parse("2026-11-23T16:00:00Z"), TimeLimit.parse("PT2H"), WORKDAY))
			.isEqualTo(new Deadline(Instant.parse("2026-11-24T10:00:00Z"), false));
		assertThat(utcNineToFive.deadline(Instant.parse("2026-11-23T16:00:00Z"), TimeLimit.parse("P1D"), WORKDAY)
			.deadline()).isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
	}

	@Test
	void aTableWithoutWorkingDaysFailsInsteadOfLooping() {
		List<CalendarDay> everyDay = new ArrayList<>();
		for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() < 2150; day = day.plusDays(1)) {
			everyDay.add(new CalendarDay(day, DayKind.HOLIDAY, "rest"));
		}
		WorkCalendar noWork = WorkCalendar.of(HolidayTable.of(everyDay, Set.of(2026)));

		assertThatThrownBy(() -> noWork.deadline(at("2026-01-05T10:00"), TimeLimit.parse("PT1H"), WORKDAY))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no working time");
	}

	/** Local time in Beijing. */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.ofHours(8));
	}

}
