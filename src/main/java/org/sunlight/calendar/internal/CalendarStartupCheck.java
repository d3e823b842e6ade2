package org.sunlight.calendar.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.calendar.CalendarCoverage;
import org.sunlight.calendar.WorkCalendar;

/** Says in the log at start-up when the holiday table misses this year or, from November, the next. */
@Component
class CalendarStartupCheck {

	private static final Logger log = LoggerFactory.getLogger(CalendarStartupCheck.class);

	private final CalendarSource source;

	CalendarStartupCheck(CalendarSource source) {
		this.source = source;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		WorkCalendar calendar = source.current();
		CalendarCoverage.of(calendar.table(), LocalDate.now(calendar.zone())).warning().ifPresent(log::warn);
	}

}
