package org.sunlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The laws every deadline and measurement obeys, on the real 2025–2026 tables and into the
 * uncovered 2027. Measurements are checked against a minute-by-minute count that knows nothing
 * of the implementation.
 */
@PropertyDefaults(tries = 300)
class WorkCalendarLawsTests {

	private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	private static final long FIRST_MINUTE = LocalDateTime.of(2024, 12, 1, 0, 0).toEpochSecond(BEIJING) / 60;

	private static final long LAST_MINUTE = LocalDateTime.of(2027, 6, 30, 0, 0).toEpochSecond(BEIJING) / 60;

	/** Opening and closing times are where counting goes wrong, so they are drawn often. */
	private static final List<LocalTime> EDGES = List.of(LocalTime.MIDNIGHT, LocalTime.of(9, 0), LocalTime.of(12, 0),
			LocalTime.of(13, 30), LocalTime.of(17, 30), LocalTime.of(23, 59));

	private final WorkCalendar calendar = HolidayTables.calendar();

	@Property
	void aLaterStartNeverGivesAnEarlierDeadline(@ForAll("instants") Instant start,
			@ForAll @IntRange(max = 30_000) int laterByMinutes, @ForAll("limits") TimeLimit limit,
			@ForAll CalendarKind kind) {
		Instant later = start.plus(Duration.ofMinutes(laterByMinutes));

		assertThat(calendar.deadline(later, limit, kind).deadline())
			.isAfterOrEqualTo(calendar.deadline(start, limit, kind).deadline());
	}

	@Property
	void aLongerLimitNeverGivesAnEarlierDeadline(@ForAll("instants") Instant start, @ForAll("limits") TimeLimit limit,
			@ForAll @IntRange(max = 20) int moreDays, @ForAll @IntRange(max = 600) int moreMinutes,
			@ForAll CalendarKind kind) {
		TimeLimit longer = new TimeLimit(limit.days() + moreDays, limit.time().plusMinutes(moreMinutes));

		assertThat(calendar.deadline(start, longer, kind).deadline())
			.isAfterOrEqualTo(calendar.deadline(start, limit, kind).deadline());
	}

	@Property
	void measuringWhatWasAddedGivesItBack(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 6_000) int minutes, @ForAll CalendarKind kind) {
		Duration amount = Duration.ofMinutes(minutes);

		Instant end = calendar.plus(start, amount, kind);
		assertThat(calendar.between(start, end, kind)).isEqualTo(amount);
		Instant begin = calendar.minus(start, amount, kind);
		assertThat(calendar.between(begin, start, kind)).isEqualTo(amount);
	}

	@Property
	void anHourLimitIsExactlyThatMuchWorkingTime(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 100) int hours, @ForAll CalendarKind kind) {
		Deadline deadline = calendar.deadline(start, TimeLimit.of(Duration.ofHours(hours)), kind);

		assertThat(calendar.between(start, deadline.deadline(), kind)).isEqualTo(Duration.ofHours(hours));
	}

	@Property
	void aWorkingDayLimitCountsExactlyItsWorkingDaysAndNoHoliday(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 60) int days) {
		Instant deadline = calendar.deadline(start, TimeLimit.ofDays(days), CalendarKind.WORKDAY).deadline();

		LocalDateTime end = LocalDateTime.ofInstant(deadline, BEIJING);
		assertThat(end.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
		List<LocalDate> counted = workingDays(calendar.day(start).plusDays(1), end.toLocalDate());
		assertThat(counted).hasSize(days).last().isEqualTo(end.toLocalDate());
		assertThat(counted).noneMatch(day -> calendar.table().exception(day).orElse(null) == DayKind.HOLIDAY);
	}

	@Property
	void aNaturalDayLimitEndsAtMidnightAfterTheFirstWorkingDayFromItsLastDay(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 60) int days) {
		Instant deadline = calendar.deadline(start, TimeLimit.ofDays(days), CalendarKind.NATURAL).deadline();

		LocalDateTime end = LocalDateTime.ofInstant(deadline, BEIJING);
		assertThat(end.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
		LocalDate lastDay = end.toLocalDate().minusDays(1);
		LocalDate nominal = calendar.day(start).plusDays(days);
		assertThat(calendar.isWorkingDay(lastDay)).isTrue();
		assertThat(workingDays(nominal, lastDay)).containsExactly(lastDay);
	}

	@Property
	void aNewHolidayOnACountedDayPushesTheDeadlineOneWorkingDayLater(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 40) int days, @ForAll @IntRange(max = 39) int pick) {
		TimeLimit limit = TimeLimit.ofDays(days);
		LocalDate startDay = calendar.day(start);
		LocalDate last = calendar.day(calendar.deadline(start, limit, CalendarKind.WORKDAY).deadline());
		LocalDate holiday = workingDays(startDay.plusDays(1), last).get(pick % days);

		WorkCalendar withHoliday = with(new CalendarDay(holiday, DayKind.HOLIDAY, "new"));
		LocalDate newLast = withHoliday.day(withHoliday.deadline(start, limit, CalendarKind.WORKDAY).deadline());

		assertThat(newLast).isEqualTo(withHoliday.nextWorkingDay(last));
		Instant firstCounted = calendar.day(start).plusDays(1).atStartOfDay(BEIJING).toInstant();
		Instant afterLast = last.plusDays(1).atStartOfDay(BEIJING).toInstant();
		assertThat(calendar.between(firstCounted, afterLast, CalendarKind.WORKDAY)
			.minus(withHoliday.between(firstCounted, afterLast, CalendarKind.WORKDAY))).isEqualTo(Duration.ofHours(7));
	}

	@Property
	void aNewMakeUpWeekendDayInsideTheCountBringsTheDeadlineEarlier(@ForAll("instants") Instant start,
			@ForAll @IntRange(min = 1, max = 40) int days, @ForAll @IntRange(max = 100) int pick) {
		TimeLimit limit = TimeLimit.ofDays(days);
		LocalDate startDay = calendar.day(start);
		LocalDate last = calendar.day(calendar.deadline(start, limit, CalendarKind.WORKDAY).deadline());
		List<LocalDate> restingWeekendDays = startDay.plusDays(1).datesUntil(last)
			.filter(day -> !calendar.isWorkingDay(day) && weekend(day))
			.toList();
		Assume.that(!restingWeekendDays.isEmpty());
		LocalDate makeUp = restingWeekendDays.get(pick % restingWeekendDays.size());

		WorkCalendar withMakeUp = with(new CalendarDay(makeUp, DayKind.WORKDAY, "new"));
		LocalDate newLast = withMakeUp.day(withMakeUp.deadline(start, limit, CalendarKind.WORKDAY).deadline());

		assertThat(newLast).isBefore(last).isAfterOrEqualTo(makeUp);
		assertThat(withMakeUp.previousWorkingDay(last)).isEqualTo(newLast);
	}

	@Property
	void workingTimeIsTheBusinessMinutesOfWorkingDays(@ForAll("instants") Instant from,
			@ForAll @IntRange(max = 20_000) int minutes) {
		Instant to = from.plus(Duration.ofMinutes(minutes));

		assertThat(calendar.between(from, to, CalendarKind.WORKDAY)).isEqualTo(countMinutes(from, to, List.of()));
	}

	@Property
	void pausesTakeAwayExactlyTheirWorkingOverlap(@ForAll("instants") Instant from,
			@ForAll @IntRange(max = 20_000) int minutes, @ForAll("pauses") List<Pause> pauses) {
		Instant to = from.plus(Duration.ofMinutes(minutes));
		List<Pause> around = pauses.stream()
			.map(pause -> new Pause(from.plus(Duration.between(Instant.EPOCH, pause.from())),
					pause.to() == null ? null : from.plus(Duration.between(Instant.EPOCH, pause.to()))))
			.toList();

		assertThat(calendar.between(from, to, around, CalendarKind.WORKDAY)).isEqualTo(countMinutes(from, to, around));
		assertThat(calendar.between(from, to, around, CalendarKind.NATURAL))
			.isEqualTo(countNaturalMinutes(from, to, around));
	}

	@Property
	void dayWarningsLeaveWholeWorkingDays(@ForAll("instants") Instant start, @ForAll @IntRange(min = 2, max = 30) int days,
			@ForAll @IntRange(min = 1, max = 29) int warnDays) {
		Assume.that(warnDays < days);
		Instant deadline = calendar.deadline(start, TimeLimit.ofDays(days), CalendarKind.WORKDAY).deadline();

		Instant warnAt = calendar.before(deadline, TimeLimit.ofDays(warnDays), CalendarKind.WORKDAY);

		assertThat(calendar.between(warnAt, deadline, CalendarKind.WORKDAY)).isEqualTo(Duration.ofHours(7L * warnDays));
	}

	@Property
	void theDefaultWarningLeavesAThirdOfTheLimit(@ForAll("instants") Instant start, @ForAll("limits") TimeLimit limit,
			@ForAll CalendarKind kind) {
		Schedule schedule = calendar.schedule(start, limit, null, kind);

		assertThat(schedule.warnAt()).isAfterOrEqualTo(start).isBeforeOrEqualTo(schedule.deadline());
		if (schedule.warnAt().isAfter(start)) {
			assertThat(calendar.between(schedule.warnAt(), schedule.deadline(), kind))
				.isEqualTo(calendar.length(limit, kind).dividedBy(3));
		}
	}

	@Provide
	Arbitrary<Instant> instants() {
		Arbitrary<Instant> anyMinute = Arbitraries.longs().between(FIRST_MINUTE, LAST_MINUTE)
			.map(minute -> Instant.ofEpochSecond(minute * 60));
		Arbitrary<Instant> anEdge = Combinators
			.combine(Arbitraries.longs().between(FIRST_MINUTE / 1440, LAST_MINUTE / 1440), Arbitraries.of(EDGES))
			.as((day, time) -> LocalDate.ofEpochDay(day).atTime(time).toInstant(BEIJING));
		return Arbitraries.frequencyOf(Tuple.of(3, anyMinute), Tuple.of(1, anEdge));
	}

	@Provide
	Arbitrary<TimeLimit> limits() {
		return Combinators
			.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 30),
					Arbitraries.of(0, 15, 30, 45))
			.filter((days, hours, minutes) -> days + hours + minutes > 0)
			.as((days, hours, minutes) -> new TimeLimit(days, Duration.ofHours(hours).plusMinutes(minutes)));
	}

	/** Pauses relative to the start of the measured span (as offsets from the epoch), some still open. */
	@Provide
	Arbitrary<List<Pause>> pauses() {
		Arbitrary<Pause> pause = Combinators
			.combine(Arbitraries.integers().between(-2_000, 22_000), Arbitraries.integers().between(0, 8_000),
					Arbitraries.integers().between(0, 9))
			.as((from, length, open) -> new Pause(Instant.EPOCH.plus(Duration.ofMinutes(from)),
					open == 0 ? null : Instant.EPOCH.plus(Duration.ofMinutes(from + length))));
		return pause.list().ofMaxSize(4);
	}

	private List<LocalDate> workingDays(LocalDate from, LocalDate to) {
		return from.datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).toList();
	}

	private WorkCalendar with(CalendarDay change) {
		Map<LocalDate, CalendarDay> days = new HashMap<>(calendar.table().days());
		days.put(change.date(), change);
		return WorkCalendar.of(new HolidayTable(days, calendar.table().coveredYears()));
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** The oracle: every minute of [from, to) in business hours of a working day and in no pause. */
	private Duration countMinutes(Instant from, Instant to, List<Pause> pauses) {
		long count = 0;
		for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
			LocalDateTime local = LocalDateTime.ofInstant(minute, BEIJING);
			LocalTime time = local.toLocalTime();
			boolean businessHours = !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(12, 0))
					|| !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
			if (businessHours && calendar.isWorkingDay(local.toLocalDate()) && !paused(minute, pauses)) {
				count++;
			}
		}
		return Duration.ofMinutes(count);
	}

	private static Duration countNaturalMinutes(Instant from, Instant to, List<Pause> pauses) {
		long count = 0;
		for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
			if (!paused(minute, pauses)) {
				count++;
			}
		}
		return Duration.ofMinutes(count);
	}

	private static boolean paused(Instant minute, List<Pause> pauses) {
		return pauses.stream()
			.anyMatch(pause -> !minute.isBefore(pause.from()) && (pause.to() == null || minute.isBefore(pause.to())));
	}

}
