package org.sunlight.notification.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.sunlight.operations.OutboxBacklog;

/** Fills operations' slot: how much of the outbox is still to deliver, and how much failed for good. */
@Component
class OutboxBacklogCount implements OutboxBacklog {

	private final JdbcTemplate jdbc;
	private final OutboxStore store;

	OutboxBacklogCount(JdbcTemplate jdbc, OutboxStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	@Override
	public long pending() {
		// The due-index (status, next_attempt_at) answers this without reading the rows.
		Long count = jdbc.queryForObject("select count(*) from sl_notification where status = 'PENDING'", Long.class);
		return count == null ? 0 : count;
	}

	@Override
	public long failed() {
		return store.countFailed();
	}

}
