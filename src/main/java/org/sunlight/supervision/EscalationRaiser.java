package org.sunlight.supervision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.identity.Organisation;
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
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final Organisation organisation;

	EscalationRaiser(EscalationStore escalations, ClockStore clocks, PowerVersions powers,
			ApplicationEventPublisher events, AuditTrail audit, Organisation organisation) {
		this.organisation = organisation;
		this.audit = audit;
		this.escalations = escalations;
		this.clocks = clocks;
		this.powers = powers;
		this.events = events;
	}

	public void raiseStep(DelegateExecution execution, String stepId, String level) {
		EscalationLevel escalationLevel = EscalationLevel.valueOf(level);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// The boundary event runs on an execution of its own; the step's task is found by its clock.
		EscalationStore.DueTask task = escalations
			.dueStepTask(execution.getProcessInstanceId(), stepId, escalationLevel, now)
			.orElse(null);
		if (task == null) {
			log.warn("{} timer of step {} in case {} fired without an open task due at that level", level, stepId,
					execution.getProcessInstanceId());
			return;
		}
		PowerDescription power = power(execution);
		PowerDescription.Step step = power.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
		Escalation escalation = new Escalation(UUID.randomUUID().toString(), escalationLevel, Escalation.Scope.STEP,
				Escalation.Status.OPEN, execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
				power.code(), power.name(), power.department(), task.taskId(), stepId, task.name(), task.responsible(),
				step == null ? null : step.supervisor(), now, task.deadline(), null, null, null, null, null,
				escalationLevel == EscalationLevel.RED ? leaders(power.department(), step) : null);
		record(task.taskId(), escalation);
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
				null, null);
		record(caseId, escalation);
	}

	private void record(String subjectKey, Escalation escalation) {
		if (escalations.insertIfAbsent(subjectKey, escalation)) {
			escalations.changed(escalation.id(), escalation.raisedAt());
			Map<String, Object> facts = new HashMap<>();
			facts.put("level", escalation.level());
			facts.put("scope", escalation.scope());
			facts.put("caseId", escalation.caseId());
			facts.put("subject", subjectKey);
			facts.put("leaders", escalation.leaders());
			audit.record(AuditAction.ESCALATION_RAISED, "system", "escalation", escalation.id(), facts);
			log.warn("{} escalation on case {} {}", escalation.level(), escalation.caseId(),
					escalation.stepId() == null ? "(case limit)" : "step " + escalation.stepId());
			events.publishEvent(new EscalationRaised(escalation));
		}
	}

	/** A red alarm also reaches the leader accountable for the step's risk level (DOMAIN.md). */
	private String leaders(String department, PowerDescription.Step step) {
		List<String> leaders = step == null ? List.of() : organisation.leadersFor(department, step.riskLevel());
		return leaders.isEmpty() ? null : String.join(",", leaders);
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
