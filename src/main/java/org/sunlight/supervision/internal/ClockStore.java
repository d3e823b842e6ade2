package org.sunlight.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.supervision.CaseSchedule;

/**
 * The {@code sl_case_clock} and {@code sl_step_clock} tables. Within a transaction a clock is read
 * from the database once ({@link TransactionMemo}): starting a step asks for its clock four times.
 */
@Repository
public class ClockStore {

	private final JdbcTemplate jdbc;
	private final TransactionMemo<CaseSchedule> cases = new TransactionMemo<>();
	private final TransactionMemo<StepClock> steps = new TransactionMemo<>();

	ClockStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The schedule of one run of a step (one scope execution). */
	public record StepClock(String executionId, String caseId, String stepId, String timeLimit, Instant startedAt,
			Instant warnAt, Instant deadline, boolean covered) {
	}

	public Optional<CaseSchedule> caseClock(String caseId) {
		return cases.read(caseId, () -> jdbc.query("select * from sl_case_clock where case_id = ?", ClockStore::mapCase,
				caseId).stream().findFirst());
	}

	/** As {@link #stepClockOfNewScope}, for a case the engine started in this transaction. */
	public Optional<CaseSchedule> caseClockOfNewCase(String caseId) {
		return cases.written(caseId, () -> caseClock(caseId));
	}

	/** The version of the power the case runs on. */
	public Optional<String> caseDefinitionId(String caseId) {
		return jdbc.queryForList("select process_definition_id from sl_case_clock where case_id = ?", String.class,
				caseId).stream().findFirst();
	}

	public void insert(CaseSchedule clock, String processDefinitionId) {
		jdbc.update("""
				insert into sl_case_clock (case_id, process_definition_id, power_code, calendar, time_limit, started_at,
				  warn_at, deadline, covered) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", clock.caseId(), processDefinitionId,
				clock.powerCode(), clock.calendar(), clock.timeLimit(), ts(clock.startedAt()), ts(clock.warnAt()),
				ts(clock.deadline()), clock.covered());
		cases.put(clock.caseId(), clock);
	}

	public Optional<StepClock> stepClock(String executionId) {
		return steps.read(executionId, () -> jdbc.query("select * from sl_step_clock where execution_id = ?",
				ClockStore::mapStep, executionId).stream().findFirst());
	}

	/**
	 * The clock of a scope the engine began in this transaction: only this transaction can have
	 * written it, so the database is not asked (unless there is no transaction to remember it in).
	 */
	public Optional<StepClock> stepClockOfNewScope(String executionId) {
		return steps.written(executionId, () -> stepClock(executionId));
	}

	public void insert(StepClock clock) {
		jdbc.update("""
				insert into sl_step_clock (execution_id, case_id, step_id, time_limit, started_at, warn_at, deadline,
				  covered) values (?, ?, ?, ?, ?, ?, ?, ?)""", clock.executionId(), clock.caseId(), clock.stepId(),
				clock.timeLimit(), ts(clock.startedAt()), ts(clock.warnAt()), ts(clock.deadline()), clock.covered());
		steps.put(clock.executionId(), clock);
	}

	public void moveCase(String caseId, Instant warnAt, Instant deadline) {
		jdbc.update("update sl_case_clock set warn_at = ?, deadline = ? where case_id = ?", ts(warnAt), ts(deadline),
				caseId);
		cases.forget(caseId);
	}

	public void moveStep(String executionId, Instant warnAt, Instant deadline) {
		jdbc.update("update sl_step_clock set warn_at = ?, deadline = ? where execution_id = ?", ts(warnAt),
				ts(deadline), executionId);
		steps.forget(executionId);
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static CaseSchedule mapCase(ResultSet rs, int row) throws SQLException {
		return new CaseSchedule(rs.getString("case_id"), rs.getString("power_code"), rs.getString("calendar"),
				rs.getString("time_limit"), instant(rs, "started_at"), instant(rs, "warn_at"), instant(rs, "deadline"),
				rs.getBoolean("covered"));
	}

	private static StepClock mapStep(ResultSet rs, int row) throws SQLException {
		return new StepClock(rs.getString("execution_id"), rs.getString("case_id"), rs.getString("step_id"),
				rs.getString("time_limit"), instant(rs, "started_at"), instant(rs, "warn_at"), instant(rs, "deadline"),
				rs.getBoolean("covered"));
	}

}
