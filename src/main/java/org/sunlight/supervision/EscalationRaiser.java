package org.sunlight.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Called by the compiled timers' end events ({@code ${slEscalations...}}), inside the timer job's
 * transaction. For now it announces the escalation as an event; the escalation table, its unique
 * key and the live stream belong to the time-limited-handling issue.
 */
@Component("slEscalations")
public class EscalationRaiser {

	private static final Logger log = LoggerFactory.getLogger(EscalationRaiser.class);

	private final ApplicationEventPublisher events;

	EscalationRaiser(ApplicationEventPublisher events) {
		this.events = events;
	}

	public void raiseStep(DelegateExecution execution, String stepId, String level) {
		raise(execution, stepId, EscalationLevel.valueOf(level));
	}

	public void raiseCase(DelegateExecution execution, String level) {
		raise(execution, null, EscalationLevel.valueOf(level));
	}

	private void raise(DelegateExecution execution, String stepId, EscalationLevel level) {
		EscalationRaised event = new EscalationRaised(execution.getProcessInstanceId(),
				execution.getProcessDefinitionId(), stepId, level);
		log.warn("{} escalation on case {} {}", level, event.caseId(), stepId == null ? "(case limit)" : "step " + stepId);
		events.publishEvent(event);
	}

}
