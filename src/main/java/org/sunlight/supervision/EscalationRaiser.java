package org.sunlight.supervision;

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
import org.sunlight.supervision.internal.EscalationStore;

/**
 * Called by the compiled timers' end events ({@code ${slEscalations...}}), inside the timer job's
 * transaction: the escalation row is written exactly when the job commits, so it is never lost
 * and never written twice (one per task or case and level). Nothing else happens in that
 * transaction but the audit record and the {@link EscalationRaised} event, whose listeners only
 * write rows (the notification outbox): the console's figures and the live stream read the committed
 * rows (docs/benchmarks.md, "escalations/s").
 */
@Component("slEscalations")
public class EscalationRaiser {

	private static final Logger log = LoggerFactory.getLogger(EscalationRaiser.class);

	private final EscalationStore escalations;
	private final PowerVersions powers;
	private final AuditTrail audit;
	private final Organisation organisation;
	private final ApplicationEventPublisher events;

	EscalationRaiser(EscalationStore escalations, PowerVersions powers, AuditTrail audit, Organisation organisation,
			ApplicationEventPublisher events) {
		this.events = events;
		this.organisation = organisation;
		this.audit = audit;
		this.escalations = escalations;
		this.powers = powers;
	}

	public void raiseStep(DelegateExecution execution, String stepId, String level) {
		EscalationLevel escalationLevel = EscalationLevel.valueOf(level);
		PowerDescription power = power(execution);
		PowerDescription.Step step = power.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
		EscalationStore.Raise raise = raise(execution, escalationLevel, power, step == null ? null : step.supervisor(),
				escalationLevel == EscalationLevel.RED ? leaders(power.department(), step) : null);
		// The boundary event runs on an execution of its own: the store finds the step's task by its clock.
		if (escalations.raiseStep(raise, stepId)) {
			audited(raise, Escalation.Scope.STEP);
		}
		else {
			log.debug("{} timer of step {} in case {}: no open task due at that level, or it already has one",
					level, stepId, raise.caseId());
		}
	}

	public void raiseCase(DelegateExecution execution, String level) {
		PowerDescription power = power(execution);
		EscalationStore.Raise raise = raise(execution, EscalationLevel.valueOf(level), power, caseSupervisor(power),
				null);
		if (escalations.raiseCase(raise, "group:" + power.department())) {
			audited(raise, Escalation.Scope.CASE);
		}
	}

	private static EscalationStore.Raise raise(DelegateExecution execution, EscalationLevel level,
			PowerDescription power, String supervisor, String leaders) {
		return new EscalationStore.Raise(UUID.randomUUID().toString(), level, execution.getProcessInstanceId(),
				execution.getProcessBusinessKey(), power.code(), power.name(), power.department(), supervisor,
				ClockUtil.getCurrentTime().toInstant(), leaders);
	}

	/**
	 * The escalation's audit record, in the timer job's transaction like the row itself; the live
	 * stream follows the audit trail, so this is also what tells every node's console.
	 */
	private void audited(EscalationStore.Raise raise, Escalation.Scope scope) {
		Map<String, Object> facts = new HashMap<>();
		facts.put("level", raise.level());
		facts.put("scope", scope);
		facts.put("caseId", raise.caseId());
		facts.put("leaders", raise.leaders());
		audit.record(AuditAction.ESCALATION_RAISED, "system", "escalation", raise.id(), facts);
		log.debug("{} escalation {} on case {}", raise.level(), raise.id(), raise.caseId());
		escalations.find(raise.id()).map(EscalationRaised::new).ifPresent(events::publishEvent);
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
