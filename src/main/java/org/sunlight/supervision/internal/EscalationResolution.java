package org.sunlight.supervision.internal;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.supervision.EscalationResolved;

/**
 * When a step's task ends (completed, or removed with its scope) or a case ends, its escalations
 * become RESOLVED in the same transaction, keeping how late it was.
 */
@Component
class EscalationResolution {

	private final EscalationStore escalations;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	EscalationResolution(EscalationStore escalations, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.escalations = escalations;
		this.audit = audit;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
			+ TaskListener.EVENTNAME_DELETE + "'")
	void onTaskEnd(DelegateTask task) {
		resolve(task.getId());
	}

	@EventListener
	void onCaseEnd(HistoricProcessInstanceEventEntity event) {
		if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
			resolve(event.getProcessInstanceId());
		}
	}

	private void resolve(String subjectKey) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		for (EscalationStore.Resolved resolved : escalations.resolve(subjectKey, now)) {
			// The audit record is also what the live stream follows.
			audit.record(AuditAction.ESCALATION_RESOLVED, "system", "escalation", resolved.id(),
					Map.of("caseId", resolved.caseId(), "lateSeconds", resolved.lateSeconds()));
			escalations.find(resolved.id()).map(EscalationResolved::new).ifPresent(events::publishEvent);
		}
	}

}
