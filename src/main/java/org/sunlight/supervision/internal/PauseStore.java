package org.sunlight.supervision.internal;

import static org.sunlight.supervision.internal.ClockStore.instant;
import static org.sunlight.supervision.internal.ClockStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.supervision.ClockPause;
import org.sunlight.supervision.PauseCategory;

/** The {@code sl_clock_pause} table. */
@Repository
public class PauseStore {

	private final JdbcTemplate jdbc;

	PauseStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<ClockPause> ofCase(String caseId) {
		return jdbc.query("select * from sl_clock_pause where case_id = ? order by started_at", PauseStore::map, caseId);
	}

	public Optional<ClockPause> open(String caseId) {
		return jdbc.query("select * from sl_clock_pause where open_case_id = ?", PauseStore::map, caseId)
			.stream()
			.findFirst();
	}

	public void insert(ClockPause pause) {
		jdbc.update("""
				insert into sl_clock_pause (id, case_id, open_case_id, category, reason, started_by, started_at)
				values (?, ?, ?, ?, ?, ?, ?)""", pause.id(), pause.caseId(), pause.caseId(), pause.category().name(),
				pause.reason(), pause.by(), ts(pause.from()));
	}

	/** Ends the open pause; false when another transaction ended it first. */
	public boolean end(String id, String by, Instant at, Duration paused) {
		return jdbc.update("""
				update sl_clock_pause set open_case_id = null, ended_by = ?, ended_at = ?, paused_seconds = ?
				where id = ? and open_case_id is not null""", by, ts(at), paused.toSeconds(), id) == 1;
	}

	private static ClockPause map(ResultSet rs, int row) throws SQLException {
		long seconds = rs.getLong("paused_seconds");
		Duration paused = rs.wasNull() ? null : Duration.ofSeconds(seconds);
		return new ClockPause(rs.getString("id"), rs.getString("case_id"),
				PauseCategory.valueOf(rs.getString("category")), rs.getString("reason"), rs.getString("started_by"),
				instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("ended_by"), paused);
	}

}
