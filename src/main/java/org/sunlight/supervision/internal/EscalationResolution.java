package org.sunlight.supervision.internal;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.supervision.EscalationChanged;

/**
 * When a step's task ends (completed, or removed with its scope) or a case ends, its escalations
 * become RESOLVED in the same transaction, keeping how late it was.
 */
@Component
class EscalationResolution {

	private final EscalationStore escalations;
	private final ApplicationEventPublisher events;

	EscalationResolution(EscalationStore escalations, ApplicationEventPublisher events) {
		this.escalations = escalations;
		this.events = events;
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
		for (String id : escalations.resolve(subjectKey, now)) {
			escalations.changed(id, now);
			escalations.find(id).ifPresent(e -> events.publishEvent(new EscalationChanged(e)));
		}
	}

}
