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

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;

/** The {@code sl_escalation} table. */
@Repository
public class EscalationStore {

	private final JdbcTemplate jdbc;
	private final boolean postgres;
	// The statements every due timer runs (package-private for PostgresQueryPlanTests).
	final String raiseStepYellow;
	final String raiseStepRed;
	final String raiseCaseYellow;
	final String raiseCaseRed;

	EscalationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection
			.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
		this.raiseStepYellow = raiseStepSql("c.warn_at");
		this.raiseStepRed = raiseStepSql("c.deadline");
		this.raiseCaseYellow = raiseCaseSql("c.warn_at");
		this.raiseCaseRed = raiseCaseSql("c.deadline");
	}

	/** What the raiser knows before the row is written: the rest of the snapshot comes from the database. */
	public record Raise(String id, EscalationLevel level, String caseId, String caseNumber, String powerCode,
			String powerName, String department, String supervisor, Instant raisedAt, String leaders) {
	}

	/**
	 * Writes a step's escalation in one statement: the step's open task whose clock has reached the
	 * level (the earliest, should a loop have left several) and has no escalation at that level
	 * yet, with its current assignee or else its candidates as the responsible person (cut to the
	 * column's 1,000 characters: a long list must not fail the timer job). Returns
	 * whether a row was written. Every due timer runs this, so the task, its clock, its candidates
	 * and the existing escalations are read by the insert itself rather than fetched first
	 * (docs/benchmarks.md). Should two transactions ever race, the unique key fails one of them,
	 * which rolls back with its job and finds the row on retry.
	 * <p>
	 * The existing escalation is looked for with a correlated count, not {@code not exists}: as an
	 * anti-join, PostgreSQL's generic plan for this prepared statement, made while the table was
	 * nearly empty, scanned every escalation of the level, and a cached plan lives as long as the
	 * connection (docs/benchmarks.md, session 4). The subquery can only be an index lookup on the
	 * unique key.
	 */
	public boolean raiseStep(Raise r, String stepId) {
		return jdbc.update(r.level() == EscalationLevel.RED ? raiseStepRed : raiseStepYellow, r.id(),
				r.level().name(), r.caseId(), r.caseNumber(), r.powerCode(), r.powerName(), r.department(),
				r.supervisor(), ts(r.raisedAt()), r.leaders(), r.caseId(), stepId, ts(r.raisedAt()),
				r.level().name()) == 1;
	}

	/** The step statement for a level: the clock's time that level is reached at. */
	private String raiseStepSql(String reached) {
		return """
				insert into sl_escalation (id, subject_key, level, scope, status, case_id, case_number, power_code,
				  power_name, department, task_id, step_id, step_name, responsible, supervisor, raised_at, deadline, leaders)
				select ?, t.id_, ?, 'STEP', 'OPEN', ?, ?, ?, ?, ?, t.id_, t.task_def_key_, t.name_,
				  substring(coalesce('user:' || t.assignee_, (select %s from act_ru_identitylink l
				    where l.task_id_ = t.id_ and l.type_ = 'candidate')), 1, 1000), ?, ?, c.deadline, ?
				from act_ru_task t join sl_step_clock c on c.execution_id = t.execution_id_
				where t.proc_inst_id_ = ? and t.task_def_key_ = ? and %s <= ?
				  and (select count(*) from sl_escalation e where e.subject_key = t.id_ and e.level = ?) = 0
				order by t.create_time_, t.id_ fetch first 1 rows only""".formatted(candidates(), reached);
	}

	/**
	 * Writes a case's escalation in one statement, with the deadline of its clock, once the clock
	 * has reached the level and unless the case already has one at that level (looked for as in
	 * {@link #raiseStep}). Returns whether a row was written. Like a step's, a case's alarm is
	 * only ever what its clock says: a call at any other time writes nothing.
	 */
	public boolean raiseCase(Raise r, String responsible) {
		return jdbc.update(r.level() == EscalationLevel.RED ? raiseCaseRed : raiseCaseYellow, r.id(), r.level().name(),
				r.caseNumber(), r.powerCode(), r.powerName(), r.department(), responsible, r.supervisor(),
				ts(r.raisedAt()), r.caseId(), ts(r.raisedAt()), r.level().name()) == 1;
	}

	/** The case statement for a level: the clock's time that level is reached at. */
	private static String raiseCaseSql(String reached) {
		return """
				insert into sl_escalation (id, subject_key, level, scope, status, case_id, case_number, power_code,
				  power_name, department, responsible, supervisor, raised_at, deadline)
				select ?, c.case_id, ?, 'CASE', 'OPEN', c.case_id, ?, ?, ?, ?, ?, ?, ?, c.deadline
				from sl_case_clock c
				where c.case_id = ? and %s <= ?
				  and (select count(*) from sl_escalation e where e.subject_key = c.case_id and e.level = ?) = 0"""
			.formatted(reached);
	}

	/**
	 * The task's candidates as {@code group:a,user:b} (groups first, each sorted): string
	 * aggregation is the one piece of SQL PostgreSQL and H2 spell differently.
	 */
	private String candidates() {
		String item = "case when l.group_id_ is not null then 'group:' || l.group_id_ else 'user:' || l.user_id_ end";
		return postgres ? "string_agg(" + item + ", ',' order by " + item + ")"
				: "listagg(" + item + ", ',') within group (order by " + item + ")";
	}

	public Optional<Escalation> find(String id) {
		return jdbc.query("select * from sl_escalation where id = ?", EscalationStore::map, id).stream().findFirst();
	}

	/** An escalation just resolved, and how late its step or case ended. */
	public record Resolved(String id, String caseId, long lateSeconds) {
	}

	/** Resolves the subject's unresolved escalations, keeping how late each ended. */
	public List<Resolved> resolve(String subjectKey, Instant endedAt) {
		List<Resolved> resolved = jdbc.query(
				"select id, case_id, deadline from sl_escalation where subject_key = ? and status <> 'RESOLVED' order by raised_at",
				(rs, n) -> new Resolved(rs.getString("id"), rs.getString("case_id"),
						Duration.between(instant(rs, "deadline"), endedAt).toSeconds()),
				subjectKey);
		for (Resolved r : resolved) {
			jdbc.update("update sl_escalation set status = 'RESOLVED', resolved_at = ?, late_seconds = ? where id = ?",
					ts(endedAt), r.lateSeconds(), r.id());
		}
		return resolved;
	}

	public boolean acknowledge(String id, String by, Instant at, String note) {
		return jdbc.update("""
				update sl_escalation set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, note = ?
				where id = ? and status = 'OPEN'""", by, ts(at), note, id) == 1;
	}

	/** A page of escalations matching the filter, newest first. */
	public List<Escalation> page(EscalationFilter filter, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = filter.where(args);
		args.add((long) page * size);
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
