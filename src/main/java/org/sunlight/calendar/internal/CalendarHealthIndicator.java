package org.sunlight.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.sunlight.calendar.CalendarCoverage;
import org.sunlight.calendar.WorkCalendar;

/**
 * The {@code calendar} health: which years the holiday table covers. A missing year stays UP with a
 * {@code warning} detail, because deadlines are still computed (on weekends alone) and flagged;
 * taking the node out of service would stop every case instead of the few reaching that year.
 */
@Component
class CalendarHealthIndicator extends AbstractHealthIndicator {

	private final CalendarSource source;
	private final Clock clock;

	@Autowired
	CalendarHealthIndicator(CalendarSource source) {
		this(source, Clock.systemUTC());
	}

	CalendarHealthIndicator(CalendarSource source, Clock clock) {
		super("the holiday table could not be read");
		this.source = source;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		WorkCalendar calendar = source.lastLoaded();
		CalendarCoverage coverage = CalendarCoverage.of(calendar.table(), LocalDate.now(clock.withZone(calendar.zone())));
		health.up()
			.withDetail("zone", calendar.zone().getId())
			.withDetail("businessHours", calendar.hours().toString())
			.withDetail("coveredYears", calendar.table().sortedYears())
			.withDetail("currentYear", coverage.currentYear())
			.withDetail("currentYearCovered", coverage.currentYearCovered())
			.withDetail("nextYear", coverage.nextYear())
			.withDetail("nextYearCovered", coverage.nextYearCovered());
		coverage.warning().ifPresent(warning -> health.withDetail("warning", warning));
	}

}
