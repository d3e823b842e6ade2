package org.sunlight.calendar.internal;

import org.springframework.stereotype.Component;
import org.sunlight.calendar.WorkCalendar;

/**
 * The current {@link WorkCalendar}, loaded from the database and kept in memory. A change on this
 * node is seen at once ({@link #invalidate}); a change made on another node is seen within the
 * refresh interval, when a one-row query finds the table's revision stamp changed.
 */
@Component
public class CalendarSource {

	private record Snapshot(WorkCalendar calendar, CalendarStore.Stamp stamp, long checkedAt) {
	}

	private final CalendarStore store;
	private final CalendarProperties properties;
	private final long refreshNanos;

	private volatile Snapshot snapshot;

	public CalendarSource(CalendarStore store, CalendarProperties properties) {
		this.store = store;
		this.properties = properties;
		this.refreshNanos = properties.refresh().toNanos();
	}

	public WorkCalendar current() {
		Snapshot known = snapshot;
		if (fresh(known)) {
			return known.calendar();
		}
		synchronized (this) {
			known = snapshot;
			if (fresh(known)) {
				return known.calendar();
			}
			// The stamp is read before the table: a change in between only causes one more reload.
			CalendarStore.Stamp stamp = store.stamp();
			WorkCalendar calendar = known != null && known.stamp().equals(stamp) ? known.calendar()
					: new WorkCalendar(store.load(), properties.hours(), properties.zoneId());
			snapshot = new Snapshot(calendar, stamp, System.nanoTime());
			return calendar;
		}
	}

	/**
	 * The calendar as last loaded, without asking the database again (for health checks, which
	 * must answer while the database is away); loads it only if it never was.
	 */
	public WorkCalendar lastLoaded() {
		Snapshot known = snapshot;
		return known != null ? known.calendar() : current();
	}

	/** Called after this node changed the table, once the change is committed. */
	public void invalidate() {
		snapshot = null;
	}

	private boolean fresh(Snapshot known) {
		return known != null && System.nanoTime() - known.checkedAt() < refreshNanos;
	}

}
