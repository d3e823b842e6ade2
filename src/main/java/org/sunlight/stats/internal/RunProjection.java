package org.sunlight.stats.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.sunlight.calendar.Pause;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.ClockPauses;
import org.sunlight.supervision.Clocks;
import org.sunlight.supervision.FindingRecorded;

/**
 * Keeps {@code sl_step_run} and {@code sl_case_run} up to date, in the transaction of each event:
 * a supervised task created, assigned, completed or removed; a finding recorded; a case started
 * or ended. Working time is measured on the power's calendar minus the case's clock pauses, when
 * the step ends.
 */
@Component
class RunProjection {

	/**
	 * Whether the step or case ever had a yellow warning or red alarm, set when it ends (the
	 * statistics count ended runs only) from the escalations themselves, so raising one writes
	 * nothing here. The subject key of a step's escalation is its task id, of a case's its id.
	 */
	private static final String RAISED = """
			yellow = exists (select 1 from sl_escalation e where e.subject_key = %1$s and e.level = 'YELLOW'),
			red = exists (select 1 from sl_escalation e where e.subject_key = %1$s and e.level = 'RED')""";
	private static final String STEP_RAISED = RAISED.formatted("sl_step_run.task_id");
	private static final String CASE_RAISED = RAISED.formatted("sl_case_run.case_id");

	private final JdbcTemplate jdbc;
	private final Clocks clocks;
	private final ClockPauses pauses;
	private final PowerVersions powers;
	private final WorkingTime workingTime;
	private final Map<String, Integer> versions = new ConcurrentHashMap<>();

	RunProjection(JdbcTemplate jdbc, Clocks clocks, ClockPauses pauses, PowerVersions powers,
			WorkingTime workingTime) {
		this.jdbc = jdbc;
		this.clocks = clocks;
		this.pauses = pauses;
		this.powers = powers;
		this.workingTime = workingTime;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
	void onCreate(DelegateTask task) {
		Optional<Clocks.StepSchedule> clock = clocks.stepSchedule(task.getExecutionId());
		Optional<PowerDescription> power = powers.describe(task.getProcessDefinitionId());
		if (clock.isEmpty() || power.isEmpty() || power.get().code() == null) {
			return;
		}
		PowerDescription p = power.get();
		jdbc.update("""
				insert into sl_step_run (task_id, execution_id, case_id, case_number, process_definition_id, power_code,
				  power_name, power_version, department, step_id, step_name, assignee, time_limit, started_at, deadline,
				  overrun, yellow, red)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, false)""", task.getId(),
				task.getExecutionId(), task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
				task.getProcessDefinitionId(), p.code(), p.name(), version(p.code(), task.getProcessDefinitionId()), p.department(),
				task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), clock.get().timeLimit(),
				ts(clock.get().startedAt()), ts(clock.get().deadline()));
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
	void onAssignment(DelegateTask task) {
		jdbc.update("update sl_step_run set assignee = ? where task_id = ?", task.getAssignee(), task.getId());
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
			+ TaskListener.EVENTNAME_DELETE + "'")
	void onEnd(DelegateTask task) {
		// The step clock knows when the step began and the deadline in force (pauses and
		// extensions move it); a task without one is not supervised and has no run.
		Optional<Clocks.StepSchedule> clock = clocks.stepSchedule(task.getExecutionId());
		if (clock.isEmpty()) {
			return;
		}
		Instant now = now();
		String calendar = powers.describe(task.getProcessDefinitionId()).map(PowerDescription::calendar).orElse(null);
		Duration used = workingTime.workingTimeBetween(clock.get().startedAt(), now,
				pausesOf(task.getProcessInstanceId()), calendar);
		Instant deadline = clock.get().deadline();
		String outcome = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) ? "COMPLETED" : "REMOVED";
		jdbc.update("""
				update sl_step_run set ended_at = ?, outcome = ?, assignee = coalesce(?, assignee), deadline = ?,
				  working_seconds = ?, overrun = ?, %s where task_id = ? and ended_at is null""".formatted(STEP_RAISED),
				ts(now), outcome,
				task.getAssignee(), ts(deadline), used.toSeconds(), now.isAfter(deadline), task.getId());
	}

	@EventListener
	void onFinding(FindingRecorded recorded) {
		var f = recorded.finding();
		if (f.taskId() != null) {
			jdbc.update("update sl_step_run set finding = ? where task_id = ?", f.kind().name(), f.taskId());
		}
		else if (f.caseId() != null) {
			jdbc.update("update sl_case_run set finding = ? where case_id = ?", f.kind().name(), f.caseId());
		}
		// A finding against a department alone has no run: StatsStore counts it from sl_finding.
	}

	@EventListener
	void onCase(HistoricProcessInstanceEventEntity event) {
		if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType())) {
			Optional<PowerDescription> power = powers.describe(event.getProcessDefinitionId());
			if (power.isEmpty() || power.get().code() == null) {
				return;
			}
			jdbc.update("""
					insert into sl_case_run (case_id, case_number, process_definition_id, power_code, power_name, department,
					  started_at, yellow, red) values (?, ?, ?, ?, ?, ?, ?, false, false)""",
					event.getProcessInstanceId(), event.getBusinessKey(), event.getProcessDefinitionId(),
					power.get().code(), power.get().name(), power.get().department(), ts(now()));
		}
		else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
			Instant now = now();
			Instant deadline = clocks.caseSchedule(event.getProcessInstanceId()).map(CaseSchedule::deadline).orElse(null);
			jdbc.update("update sl_case_run set ended_at = ?, deadline = ?, on_time = ?, " + CASE_RAISED
					+ " where case_id = ?",
					ts(now), ts(deadline), deadline == null || !now.isAfter(deadline), event.getProcessInstanceId());
		}
	}

	private List<Pause> pausesOf(String caseId) {
		return pauses.pauses(caseId).stream().map(p -> new Pause(p.from(), p.to())).toList();
	}

	/** Definitions never change their version: asked once per definition and node. */
	private Integer version(String powerCode, String processDefinitionId) {
		return versions.computeIfAbsent(processDefinitionId, id -> powers.versions(powerCode).stream()
			.filter(v -> v.processDefinitionId().equals(processDefinitionId))
			.map(PowerVersion::version)
			.findFirst()
			.orElse(0));
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
