package org.sunlight.calendar.internal;

import java.util.UUID;

class H2CalendarStoreTests extends CalendarStoreContract {

	@Override
	String createDatabase() {
		return "jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	@Override
	String user() {
		return "sa";
	}

}
