package org.sunlight.calendar;

import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.calendar.CalendarCoverage;
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
	private final TransactionTemplate transactions;

	CalendarWatch(CalendarSource source, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.source = source;
		this.events = events;
		this.transactions = transactions;
	}

	@Scheduled(cron = "${sunlight.calendar.coverage-check-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	void daily() {
		WorkCalendar calendar = source.current();
		check(LocalDate.now(calendar.zone()));
	}

	/**
	 * Publishes the event when the table misses a year it should cover on {@code today}; says
	 * whether it did. The transaction is opened here, not by an annotation, so that the scheduled
	 * call from this same bean has one too (its listeners write only inside one).
	 */
	public boolean check(LocalDate today) {
		CalendarCoverage coverage = CalendarCoverage.of(source.current().table(), today);
		return coverage.warning().map(warning -> {
			transactions.executeWithoutResult(status -> events.publishEvent(new CalendarRunningOut(
					coverage.currentYearCovered() ? coverage.nextYear() : coverage.currentYear(), warning)));
			return true;
		}).orElse(false);
	}

}
