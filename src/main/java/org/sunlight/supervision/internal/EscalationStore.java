package org.sunlight.supervision.internal;

import static org.sunlight.supervision.internal.ClockStore.instant;
import static org.sunlight.supervision.internal.ClockStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;

/** The {@code sl_escalation} table and its change log. */
@Repository
public class EscalationStore {

	private final JdbcTemplate jdbc;

	EscalationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the escalation unless its subject already has one at that level, in one statement.
	 * Camunda runs a timer job on one node at a time, so the guard suffices; should two
	 * transactions ever race, the unique key fails one of them, which rolls back with its job and
	 * finds the row on retry.
	 */
	public boolean insertIfAbsent(String subjectKey, Escalation e) {
		return jdbc.update("""
				insert into sl_escalation (id, subject_key, level, scope, status, case_id, case_number, power_code, power_name,
				  department, task_id, step_id, step_name, responsible, supervisor, raised_at, deadline, leaders)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) one
				where not exists (select 1 from sl_escalation where subject_key = ? and level = ?)""", e.id(), subjectKey,
				e.level().name(), e.scope().name(), e.status().name(), e.caseId(), e.caseNumber(), e.powerCode(),
				e.powerName(), e.department(), e.taskId(), e.stepId(), e.stepName(), e.responsible(), e.supervisor(),
				ts(e.raisedAt()), ts(e.deadline()), e.leaders(), subjectKey, e.level().name()) == 1;
	}

	/** A step's open task whose clock has reached a level, with who is responsible for it. */
	public record DueTask(String taskId, String name, String responsible, Instant deadline) {
	}

	/**
	 * The step's open task whose clock has reached the level and which has no escalation at that
	 * level yet; the earliest when a loop left several. One statement, since every timer job asks:
	 * the task, its clock, its candidates and the existing escalations are joined here rather than
	 * fetched one query each (docs/benchmarks.md).
	 */
	public Optional<DueTask> dueStepTask(String caseId, String stepId, EscalationLevel level, Instant now) {
		String reached = level == EscalationLevel.RED ? "c.deadline" : "c.warn_at";
		List<String[]> rows = new ArrayList<>();
		List<Instant> deadlines = new ArrayList<>();
		jdbc.query("""
				select t.id_, t.name_, t.assignee_, c.deadline, l.group_id_, l.user_id_
				from act_ru_task t
				join sl_step_clock c on c.execution_id = t.execution_id_
				left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
				where t.proc_inst_id_ = ? and t.task_def_key_ = ? and %s <= ?
				  and not exists (select 1 from sl_escalation e where e.subject_key = t.id_ and e.level = ?)
				order by t.create_time_, t.id_, l.group_id_, l.user_id_""".formatted(reached), rs -> {
			rows.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
					rs.getString(6) });
			deadlines.add(instant(rs, "deadline"));
		}, caseId, stepId, ts(now), level.name());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		String[] first = rows.get(0);
		String responsible = first[2] != null ? "user:" + first[2]
				: rows.stream()
					.filter(row -> row[0].equals(first[0]) && (row[3] != null || row[4] != null))
					.map(row -> row[3] != null ? "group:" + row[3] : "user:" + row[4])
					.collect(Collectors.joining(","));
		return Optional.of(new DueTask(first[0], first[1], responsible, deadlines.get(0)));
	}

	public Optional<Escalation> find(String id) {
		return jdbc.query("select * from sl_escalation where id = ?", EscalationStore::map, id).stream().findFirst();
	}

	/** Resolves the subject's unresolved escalations; returns their ids. */
	public List<String> resolve(String subjectKey, Instant endedAt) {
		List<String> ids = jdbc.queryForList(
				"select id from sl_escalation where subject_key = ? and status <> 'RESOLVED' order by raised_at",
				String.class, subjectKey);
		for (String id : ids) {
			Escalation e = find(id).orElseThrow();
			jdbc.update("update sl_escalation set status = 'RESOLVED', resolved_at = ?, late_seconds = ? where id = ?",
					ts(endedAt), Duration.between(e.deadline(), endedAt).toSeconds(), id);
		}
		return ids;
	}

	public boolean acknowledge(String id, String by, Instant at, String note) {
		return jdbc.update("""
				update sl_escalation set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, note = ?
				where id = ? and status = 'OPEN'""", by, ts(at), note, id) == 1;
	}

	public void changed(String id, Instant at) {
		jdbc.update("insert into sl_escalation_change (escalation_id, changed_at) values (?, ?)", id, ts(at));
	}

	/** Changes after {@code seq}, oldest first: what the live stream has not sent yet. */
	public List<Change> changesAfter(long seq, int limit) {
		return jdbc.query("select seq, escalation_id from sl_escalation_change where seq > ? order by seq fetch first "
				+ limit + " rows only", (rs, n) -> new Change(rs.getLong("seq"), rs.getString("escalation_id")), seq);
	}

	public long lastChange() {
		Long seq = jdbc.queryForObject("select max(seq) from sl_escalation_change", Long.class);
		return seq == null ? 0 : seq;
	}

	public record Change(long seq, String escalationId) {
	}

	/** A page of escalations matching the filter, newest first. */
	public List<Escalation> page(EscalationFilter filter, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = filter.where(args);
		args.add(page * size);
		args.add(size);
		return jdbc.query("select * from sl_escalation" + where
				+ " order by raised_at desc, id offset ? rows fetch next ? rows only", EscalationStore::map,
				args.toArray());
	}

	public long count(EscalationFilter filter) {
		List<Object> args = new ArrayList<>();
		String where = filter.where(args);
		Long count = jdbc.queryForObject("select count(*) from sl_escalation" + where, Long.class, args.toArray());
		return count == null ? 0 : count;
	}

	static Escalation map(ResultSet rs, int row) throws SQLException {
		long late = rs.getLong("late_seconds");
		Duration lateness = rs.wasNull() ? null : Duration.ofSeconds(late);
		return new Escalation(rs.getString("id"), EscalationLevel.valueOf(rs.getString("level")),
				Escalation.Scope.valueOf(rs.getString("scope")), Escalation.Status.valueOf(rs.getString("status")),
				rs.getString("case_id"), rs.getString("case_number"), rs.getString("power_code"), rs.getString("power_name"),
				rs.getString("department"), rs.getString("task_id"), rs.getString("step_id"), rs.getString("step_name"),
				rs.getString("responsible"), rs.getString("supervisor"), instant(rs, "raised_at"),
				instant(rs, "deadline"), instant(rs, "resolved_at"), lateness, rs.getString("acknowledged_by"),
				instant(rs, "acknowledged_at"), rs.getString("note"), rs.getString("leaders"));
	}

}
