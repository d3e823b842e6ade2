package org.sunlight.supervision.internal;

import static org.sunlight.supervision.internal.ClockStore.instant;
import static org.sunlight.supervision.internal.ClockStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.supervision.Extension;

/** The {@code sl_clock_extension} table. */
@Repository
public class ExtensionStore {

	private final JdbcTemplate jdbc;

	ExtensionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Extension> ofCase(String caseId) {
		return jdbc.query("select * from sl_clock_extension where case_id = ?", ExtensionStore::map, caseId)
			.stream()
			.findFirst();
	}

	/** Every request still waiting for its decision, oldest first. */
	public List<Extension> requested() {
		return jdbc.query("select * from sl_clock_extension where status = 'REQUESTED' order by requested_at, id",
				ExtensionStore::map);
	}

	/** The decisions someone made, newest first. */
	public List<Extension> decidedBy(String user, long offset, int size) {
		return jdbc.query("select * from sl_clock_extension where decided_by = ? order by decided_at desc, id"
				+ " offset ? rows fetch next ? rows only", ExtensionStore::map, user, offset, size);
	}

	public long countDecidedBy(String user) {
		Long count = jdbc.queryForObject("select count(*) from sl_clock_extension where decided_by = ?", Long.class,
				user);
		return count == null ? 0 : count;
	}

	public void insert(Extension e) {
		jdbc.update("""
				insert into sl_clock_extension (id, case_id, amount, reason, requested_by, requested_at, status)
				values (?, ?, ?, ?, ?, ?, ?)""", e.id(), e.caseId(), e.amount(), e.reason(), e.requestedBy(),
				ts(e.requestedAt()), e.status().name());
	}

	/** Records the decision; false when it was already decided. */
	public boolean decide(String id, Extension.Status status, String by, Instant at, String note, Instant oldDeadline,
			Instant newDeadline) {
		return jdbc.update("""
				update sl_clock_extension set status = ?, decided_by = ?, decided_at = ?, note = ?, old_deadline = ?,
				  new_deadline = ? where id = ? and status = 'REQUESTED'""", status.name(), by, ts(at), note,
				ts(oldDeadline), ts(newDeadline), id) == 1;
	}

	private static Extension map(ResultSet rs, int row) throws SQLException {
		return new Extension(rs.getString("id"), rs.getString("case_id"), rs.getString("amount"), rs.getString("reason"),
				rs.getString("requested_by"), instant(rs, "requested_at"), Extension.Status.valueOf(rs.getString("status")),
				rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("note"), instant(rs, "old_deadline"),
				instant(rs, "new_deadline"));
	}

}
