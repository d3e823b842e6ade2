package org.sunlight.supervision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.internal.ClockStore;
import org.sunlight.supervision.internal.EscalationStore;

/**
 * Called by the compiled timers' end events ({@code ${slEscalations...}}), inside the timer job's
 * transaction: the escalation row is written exactly when the job commits, so it is never lost
 * and never written twice (one per task or case and level). Listeners hear of it after commit.
 */
@Component("slEscalations")
public class EscalationRaiser {

	private static final Logger log = LoggerFactory.getLogger(EscalationRaiser.class);

	private final EscalationStore escalations;
	private final ClockStore clocks;
	private final PowerVersions powers;
	private final TaskService tasks;
	private final ApplicationEventPublisher events;

	EscalationRaiser(EscalationStore escalations, ClockStore clocks, PowerVersions powers, TaskService tasks,
			ApplicationEventPublisher events) {
		this.escalations = escalations;
		this.clocks = clocks;
		this.powers = powers;
		this.tasks = tasks;
		this.events = events;
	}

	public void raiseStep(DelegateExecution execution, String stepId, String level) {
		EscalationLevel escalationLevel = EscalationLevel.valueOf(level);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// The boundary event runs on an execution of its own; the step's task is found by its clock.
		Task task = dueTask(execution.getProcessInstanceId(), stepId, escalationLevel, now);
		if (task == null) {
			log.warn("{} timer of step {} in case {} fired without an open task", level, stepId,
					execution.getProcessInstanceId());
			return;
		}
		PowerDescription power = power(execution);
		PowerDescription.Step step = power.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
		ClockStore.StepClock clock = clocks.stepClock(task.getExecutionId()).orElseThrow();
		Escalation escalation = new Escalation(UUID.randomUUID().toString(), escalationLevel, Escalation.Scope.STEP,
				Escalation.Status.OPEN, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), power.code(), power.name(), power.department(),
				task.getId(), stepId, task.getName(), responsible(task), step == null ? null : step.supervisor(), now,
				clock.deadline(), null, null, null, null, null);
		record(task.getId(), escalation);
	}

	public void raiseCase(DelegateExecution execution, String level) {
		EscalationLevel escalationLevel = EscalationLevel.valueOf(level);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		String caseId = execution.getProcessInstanceId();
		PowerDescription power = power(execution);
		CaseSchedule clock = clocks.caseClock(caseId).orElseThrow();
		Escalation escalation = new Escalation(UUID.randomUUID().toString(), escalationLevel, Escalation.Scope.CASE,
				Escalation.Status.OPEN, caseId, execution.getProcessBusinessKey(), power.code(), power.name(), power.department(), null, null, null,
				"group:" + power.department(), caseSupervisor(power), now, clock.deadline(), null, null, null, null,
				null);
		record(caseId, escalation);
	}

	private void record(String subjectKey, Escalation escalation) {
		if (escalations.insertIfAbsent(subjectKey, escalation)) {
			escalations.changed(escalation.id(), escalation.raisedAt());
			log.warn("{} escalation on case {} {}", escalation.level(), escalation.caseId(),
					escalation.stepId() == null ? "(case limit)" : "step " + escalation.stepId());
			events.publishEvent(new EscalationRaised(escalation));
		}
	}

	/** The step's open task whose clock has reached this level; the earliest when a loop left several. */
	private Task dueTask(String caseId, String stepId, EscalationLevel level, Instant now) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(stepId).list();
		return open.stream()
			.filter(task -> clocks.stepClock(task.getExecutionId())
				.map(clock -> !now.isBefore(level == EscalationLevel.RED ? clock.deadline() : clock.warnAt()))
				.orElse(false))
			.filter(task -> !escalations.exists(task.getId(), level))
			.min(Comparator.comparing(Task::getCreateTime))
			.orElse(null);
	}

	private String responsible(Task task) {
		if (task.getAssignee() != null) {
			return "user:" + task.getAssignee();
		}
		List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
		return links.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(link -> link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId())
			.collect(Collectors.joining(","));
	}

	/** A case has no single supervisor: those of its steps, in order, without repeats. */
	private static String caseSupervisor(PowerDescription power) {
		return power.steps().stream()
			.map(PowerDescription.Step::supervisor)
			.filter(s -> s != null)
			.distinct()
			.collect(Collectors.joining(","));
	}

	private PowerDescription power(DelegateExecution execution) {
		return powers.describe(execution.getProcessDefinitionId()).orElseThrow();
	}

}
