package org.sunlight.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.sunlight.calendar.internal.CalendarSource;

/**
 * Time limits on the current holiday table, for the other modules. Durations are the ISO-8601
 * text of the models ({@code P3D}, {@code PT4H}, {@code P1DT4H}); calendars are {@code workday}
 * or {@code natural}, null meaning {@code workday} as in the models. Malformed input throws
 * {@link IllegalArgumentException} with a message fit for the user. For several computations that
 * must see one table, take {@link #calendar()} once and use it.
 */
@Service
public class WorkingTime {

	private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);

	/** One warning per uncovered year and hour per node is enough; every result carries the flag. */
	private static final Duration WARN_EVERY = Duration.ofHours(1);

	private final CalendarSource source;
	private final Map<Integer, Instant> lastWarned = new ConcurrentHashMap<>();

	WorkingTime(CalendarSource source) {
		this.source = source;
	}

	/** The current table with the configured business hours and zone. */
	public WorkCalendar calendar() {
		return source.current();
	}

	/** When {@code duration}, started at {@code start}, runs out. */
	public Deadline deadline(Instant start, String duration, String calendar) {
		WorkCalendar current = source.current();
		Deadline deadline = current.deadline(start, TimeLimit.parse(duration), CalendarKind.of(calendar));
		warnIfUncovered(current, start, duration, deadline);
		return deadline;
	}

	/**
	 * The deadline of {@code limit} and its yellow warning time: when {@code warnBefore} is left,
	 * or, when it is null or blank, when a third of the limit is left.
	 */
	public Schedule schedule(Instant start, String limit, String warnBefore, String calendar) {
		return schedule(start, limit, warnBefore, calendar, WarnShare.THIRD);
	}

	/** As {@link #schedule(Instant, String, String, String)}; without {@code warnBefore}, when {@code share} is left. */
	public Schedule schedule(Instant start, String limit, String warnBefore, String calendar, WarnShare share) {
		WorkCalendar current = source.current();
		Schedule schedule = current.schedule(start, TimeLimit.parse(limit),
				warnBefore == null || warnBefore.isBlank() ? null : TimeLimit.parse(warnBefore), CalendarKind.of(calendar),
				share);
		warnIfUncovered(current, start, limit, new Deadline(schedule.deadline(), schedule.covered()));
		return schedule;
	}

	/** The yellow warning time of {@code limit}; see {@link #schedule}. */
	public Instant warnAt(Instant start, String limit, String warnBefore, String calendar) {
		return schedule(start, limit, warnBefore, calendar).warnAt();
	}

	/** The instant at which {@code amount} is left before {@code deadline}. */
	public Instant before(Instant deadline, String amount, String calendar) {
		return source.current().before(deadline, TimeLimit.parse(amount), CalendarKind.of(calendar));
	}

	/** Working (or natural) time from {@code from} to {@code to} while the clock ran. */
	public Duration workingTimeBetween(Instant from, Instant to, List<Pause> pauses, String calendar) {
		return source.current().between(from, to, pauses, CalendarKind.of(calendar));
	}

	/** Moves an instant on by an amount of working (or natural) time, e.g. a due date by a pause. */
	public Instant plusWorkingTime(Instant from, Duration amount, String calendar) {
		return source.current().plus(from, amount, CalendarKind.of(calendar));
	}

	/** Whether the holiday table covers the year of {@code instant}. */
	public boolean covered(Instant instant) {
		return source.current().covers(instant);
	}

	private void warnIfUncovered(WorkCalendar calendar, Instant start, String duration, Deadline deadline) {
		if (deadline.covered()) {
			return;
		}
		int year = calendar.day(deadline.deadline()).getYear();
		Instant now = Instant.now();
		Instant last = lastWarned.get(year);
		if (last != null && last.plus(WARN_EVERY).isAfter(now)) {
			return;
		}
		lastWarned.put(year, now);
		log.warn("deadline {} ({} from {}) reaches a year the holiday table does not cover;"
				+ " it was computed on weekends alone and is flagged covered=false until the table is entered",
				deadline.deadline().atZone(calendar.zone()).toOffsetDateTime(), duration,
				start.atZone(calendar.zone()).toOffsetDateTime());
	}

}
