package org.sunlight.calendar;

import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.calendar.internal.CalendarCoverage;
import org.sunlight.calendar.internal.CalendarSource;

/**
 * Checks every morning whether the holiday table is running out (this year missing, or from
 * November the next) and publishes {@link CalendarRunningOut} in a transaction of its own, so the
 * administrators hear of it before deadlines reaching into that year go wrong.
 */
@Component
public class CalendarWatch {

	private final CalendarSource source;
	private final ApplicationEventPublisher events;

	CalendarWatch(CalendarSource source, ApplicationEventPublisher events) {
		this.source = source;
		this.events = events;
	}

	@Scheduled(cron = "${sunlight.calendar.coverage-check-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	void daily() {
		WorkCalendar calendar = source.current();
		check(LocalDate.now(calendar.zone()));
	}

	/** Publishes the event when the table misses a year it should cover on {@code today}; says whether it did. */
	@Transactional
	public boolean check(LocalDate today) {
		CalendarCoverage coverage = CalendarCoverage.of(source.current().table(), today);
		return coverage.warning().map(warning -> {
			events.publishEvent(new CalendarRunningOut(
					coverage.currentYearCovered() ? coverage.nextYear() : coverage.currentYear(), warning));
			return true;
		}).orElse(false);
	}

}
