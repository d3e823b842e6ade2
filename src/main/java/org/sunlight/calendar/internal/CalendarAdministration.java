package org.sunlight.calendar.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.CalendarDay;

/** An administrator's changes to the holiday table, seen by this node as soon as they commit. */
@Service
public class CalendarAdministration {

	private final CalendarStore store;
	private final CalendarSource source;
	private final AuditTrail audit;

	CalendarAdministration(CalendarStore store, CalendarSource source, AuditTrail audit) {
		this.audit = audit;
		this.store = store;
		this.source = source;
	}

	/**
	 * Replaces the exceptions of {@code year} and marks it covered, in one transaction.
	 * @throws IllegalArgumentException listing every problem of the entries; nothing is changed
	 */
	@Transactional
	public List<CalendarDay> replaceYear(int year, List<DayEntries.DayEntry> entries, String by) {
		List<CalendarDay> days = DayEntries.check(year, entries);
		store.replaceYear(year, days, by, OffsetDateTime.now());
		source.invalidate();
		audit.record(AuditAction.CALENDAR_CHANGED, by, "calendar", Integer.toString(year),
				java.util.Map.of("exceptions", days.size()));
		return store.year(year);
	}

	public List<CalendarDay> year(int year) {
		DayEntries.checkYear(year);
		return store.year(year);
	}

	public List<CalendarStore.CoveredYear> years() {
		return store.years();
	}

}
