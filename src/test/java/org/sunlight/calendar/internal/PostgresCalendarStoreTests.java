package org.sunlight.calendar.internal;

import org.sunlight.support.PostgresTest;
import org.sunlight.support.PostgresDatabase;

/** The same migration and store on PostgreSQL; skipped when no server answers, unless CI requires it. */
@PostgresTest
class PostgresCalendarStoreTests extends CalendarStoreContract {

	@Override
	String createDatabase() {
		return PostgresDatabase.create("sunlight_calendar");
	}

	@Override
	String user() {
		return PostgresDatabase.USER;
	}

}
