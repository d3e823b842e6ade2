package org.sunlight.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.sunlight.calendar.BusinessHours.Span;

/**
 * Time arithmetic on one holiday table, one set of business hours and one time zone; pure and
 * immutable, so a computation never sees the table change under it. The rules, with examples, are
 * in {@code docs/calendar.md}:
 * <ul>
 * <li>Days (Civil Code arts. 201–203): the start day is not counted. Working days end at the close
 * of business of the n-th working day after the start day. Natural days end at 24:00 of the n-th
 * day, given as the instant 00:00 of the day after; a last day that is not a working day moves to
 * the next working day, again ending at 24:00.</li>
 * <li>Time: exact working time within business hours, or exact elapsed time for natural limits;
 * after the days when a limit has both.</li>
 * <li>Adding returns the earliest instant at which the amount has passed (a limit that runs out at
 * noon ends at 12:00, not at 13:30); taking away returns the earliest instant from which exactly the
 * amount is left (one working day before a 17:30 deadline is 17:30 the working day before).</li>
 * </ul>
 */
public final class WorkCalendar {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	/** Bounds every walk over days, so that a table without working days fails instead of looping. */
	private static final int MAX_WALK_DAYS = 40_000;

	private final HolidayTable table;
	private final BusinessHours hours;
	private final ZoneId zone;
	private final List<Span> spansBackwards;

	public WorkCalendar(HolidayTable table, BusinessHours hours, ZoneId zone) {
		this.table = table;
		this.hours = hours;
		this.zone = zone;
		List<Span> backwards = new ArrayList<>(hours.spans());
		Collections.reverse(backwards);
		this.spansBackwards = List.copyOf(backwards);
	}

	/** Default business hours in Asia/Shanghai. */
	public static WorkCalendar of(HolidayTable table) {
		return new WorkCalendar(table, BusinessHours.DEFAULT, DEFAULT_ZONE);
	}

	public HolidayTable table() {
		return table;
	}

	public BusinessHours hours() {
		return hours;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Monday to Friday unless a HOLIDAY, and Saturday or Sunday when a make-up WORKDAY. */
	public boolean isWorkingDay(LocalDate day) {
		return table.exception(day)
			.map(kind -> kind == DayKind.WORKDAY)
			.orElseGet(() -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
	}

	/** Whether the holiday table covers the year of this instant (in the calendar's zone). */
	public boolean covers(Instant instant) {
		return table.covers(day(instant).getYear());
	}

	/** Whether the holiday table covers every year from {@code from} to {@code to}. */
	public boolean covers(LocalDate from, LocalDate to) {
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			if (!table.covers(year)) {
				return false;
			}
		}
		return true;
	}

	/** When {@code limit}, started at {@code start}, runs out. */
	public Deadline deadline(Instant start, TimeLimit limit, CalendarKind kind) {
		return kind == CalendarKind.WORKDAY ? workdayDeadline(start, limit) : naturalDeadline(start, limit);
	}

	private Deadline workdayDeadline(Instant start, TimeLimit limit) {
		LocalDate startDay = day(start);
		Instant end = start;
		if (limit.hasDays()) {
			LocalDate last = startDay;
			for (int i = 0; i < limit.days(); i++) {
				last = nextWorkingDay(last);
			}
			end = at(last, hours.closing());
		}
		end = plusWorking(end, limit.time());
		// The start day itself is consulted only when hours are counted from it.
		LocalDate firstConsulted = limit.hasDays() ? startDay.plusDays(1) : startDay;
		return new Deadline(end, covers(firstConsulted, day(end)));
	}

	private Deadline naturalDeadline(Instant start, TimeLimit limit) {
		Instant end = start;
		boolean covered = true;
		if (limit.hasDays()) {
			LocalDate nominal = day(start).plusDays(limit.days());
			LocalDate last = isWorkingDay(nominal) ? nominal : nextWorkingDay(nominal);
			end = startOf(last.plusDays(1));
			// Natural days count without the table; only the last day and any it moves over need it.
			covered = covers(nominal, last);
		}
		return new Deadline(end.plus(limit.time()), covered);
	}

	/** The earliest instant at which {@code amount} of working (or natural) time has passed since {@code from}. */
	public Instant plus(Instant from, Duration amount, CalendarKind kind) {
		requireNotNegative(amount);
		return kind == CalendarKind.NATURAL ? from.plus(amount) : plusWorking(from, amount);
	}

	private Instant plusWorking(Instant from, Duration amount) {
		if (amount.isZero()) {
			return from;
		}
		Duration left = amount;
		LocalDate day = day(from);
		for (int walked = 0; walked < MAX_WALK_DAYS; walked++, day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Span span : hours.spans()) {
				Instant begin = latest(at(day, span.open()), from);
				Instant close = at(day, span.close());
				if (!begin.isBefore(close)) {
					continue;
				}
				Duration available = Duration.between(begin, close);
				if (left.compareTo(available) <= 0) {
					return begin.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw walkedTooFar(from);
	}

	/**
	 * The earliest instant from which exactly {@code amount} of working (or natural) time is left
	 * until {@code to}; {@code to} itself for a zero amount.
	 */
	public Instant minus(Instant to, Duration amount, CalendarKind kind) {
		requireNotNegative(amount);
		return kind == CalendarKind.NATURAL ? to.minus(amount) : minusWorking(to, amount);
	}

	private Instant minusWorking(Instant to, Duration amount) {
		if (amount.isZero()) {
			return to;
		}
		Duration left = amount;
		Instant usedUpAt = null;
		LocalDate day = day(to);
		for (int walked = 0; walked < MAX_WALK_DAYS; walked++, day = day.minusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Span span : spansBackwards) {
				Instant open = at(day, span.open());
				Instant end = earliest(at(day, span.close()), to);
				if (!open.isBefore(end)) {
					continue;
				}
				if (usedUpAt != null) {
					// Used up exactly at an opening: the gap before it holds no working time.
					return end;
				}
				Duration available = Duration.between(open, end);
				if (left.compareTo(available) < 0) {
					return end.minus(left);
				}
				left = left.minus(available);
				if (left.isZero()) {
					usedUpAt = open;
				}
			}
		}
		if (usedUpAt != null) {
			return usedUpAt;
		}
		throw walkedTooFar(to);
	}

	/** Working (or natural) time in [from, to); zero when {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to, CalendarKind kind) {
		if (!from.isBefore(to)) {
			return Duration.ZERO;
		}
		if (kind == CalendarKind.NATURAL) {
			return Duration.between(from, to);
		}
		Duration total = Duration.ZERO;
		LocalDate last = day(to);
		for (LocalDate day = day(from); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Span span : hours.spans()) {
				Instant begin = latest(at(day, span.open()), from);
				Instant end = earliest(at(day, span.close()), to);
				if (begin.isBefore(end)) {
					total = total.plus(Duration.between(begin, end));
				}
			}
		}
		return total;
	}

	/**
	 * Working (or natural) time in [from, to) while the clock ran: the pauses' working time inside
	 * the span is taken away once, however the pauses overlap; a pause still open runs until {@code to}.
	 */
	public Duration between(Instant from, Instant to, List<Pause> pauses, CalendarKind kind) {
		Duration total = between(from, to, kind);
		for (Interval paused : merged(pauses, from, to)) {
			total = total.minus(between(paused.from(), paused.to(), kind));
		}
		return total;
	}

	private record Interval(Instant from, Instant to) {
	}

	private static List<Interval> merged(List<Pause> pauses, Instant from, Instant to) {
		if (pauses == null) {
			return List.of();
		}
		List<Interval> clipped = pauses.stream()
			.map(pause -> new Interval(latest(pause.from(), from), pause.to() == null ? to : earliest(pause.to(), to)))
			.filter(interval -> interval.from().isBefore(interval.to()))
			.sorted(Comparator.comparing(Interval::from))
			.toList();
		List<Interval> merged = new ArrayList<>();
		for (Interval next : clipped) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !next.from().isAfter(last.to())) {
				merged.set(merged.size() - 1, new Interval(last.from(), latest(last.to(), next.to())));
			}
			else {
				merged.add(next);
			}
		}
		return merged;
	}

	/**
	 * The instant at which {@code amount} is left before {@code deadline}. Days go back day by day
	 * at the same time of day (working days for a working-day limit: one working day before Friday
	 * 17:30 is Thursday 17:30), then the time part goes back as in {@link #minus}.
	 */
	public Instant before(Instant deadline, TimeLimit amount, CalendarKind kind) {
		Instant point = deadline;
		if (amount.hasDays()) {
			ZonedDateTime at = deadline.atZone(zone);
			if (kind == CalendarKind.WORKDAY) {
				LocalDate day = at.toLocalDate();
				for (int i = 0; i < amount.days(); i++) {
					day = previousWorkingDay(day);
				}
				point = ZonedDateTime.of(day, at.toLocalTime(), zone).toInstant();
			}
			else {
				point = at.minusDays(amount.days()).toInstant();
			}
		}
		return minus(point, amount.time(), kind);
	}

	/**
	 * The deadline of {@code limit} and its yellow warning: when {@code warnBefore} is left, or when
	 * null, when a third of the limit's {@link #length} is left. A warning that would fall before
	 * the start falls at the start.
	 */
	public Schedule schedule(Instant start, TimeLimit limit, TimeLimit warnBefore, CalendarKind kind) {
		return schedule(start, limit, warnBefore, kind, WarnShare.THIRD);
	}

	/** As {@link #schedule(Instant, TimeLimit, TimeLimit, CalendarKind)}, with another default share. */
	public Schedule schedule(Instant start, TimeLimit limit, TimeLimit warnBefore, CalendarKind kind,
			WarnShare share) {
		Deadline deadline = deadline(start, limit, kind);
		Instant warnAt = warnBefore != null ? before(deadline.deadline(), warnBefore, kind)
				: minus(deadline.deadline(), share.of(length(limit, kind)), kind);
		return new Schedule(latest(warnAt, start), deadline.deadline(), deadline.covered());
	}

	/**
	 * The working time a limit stands for: a working day is one day of business hours (7 h by
	 * default), a natural day 24 h, plus the time part.
	 */
	public Duration length(TimeLimit limit, CalendarKind kind) {
		Duration day = kind == CalendarKind.WORKDAY ? hours.perDay() : Duration.ofDays(1);
		return day.multipliedBy(limit.days()).plus(limit.time());
	}

	/** The first working day after {@code day}. */
	public LocalDate nextWorkingDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		for (int walked = 0; walked < MAX_WALK_DAYS; walked++, next = next.plusDays(1)) {
			if (isWorkingDay(next)) {
				return next;
			}
		}
		throw walkedTooFar(day);
	}

	/** The last working day before {@code day}. */
	public LocalDate previousWorkingDay(LocalDate day) {
		LocalDate previous = day.minusDays(1);
		for (int walked = 0; walked < MAX_WALK_DAYS; walked++, previous = previous.minusDays(1)) {
			if (isWorkingDay(previous)) {
				return previous;
			}
		}
		throw walkedTooFar(day);
	}

	/** The date of an instant in the calendar's zone. */
	public LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	private Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static void requireNotNegative(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("an amount of working time must not be negative: " + amount);
		}
	}

	private static IllegalStateException walkedTooFar(Object from) {
		return new IllegalStateException("no working time within " + MAX_WALK_DAYS + " days of " + from
				+ ": the holiday table or the business hours leave no working time");
	}

}
