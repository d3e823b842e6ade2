package org.sunlight.supervision.internal;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every supervised task its deadline as due date and its warning time as follow-up date,
 * so lists sort by them and even Camunda's own tools show them. They come from the step clock
 * made when the step began; reassignment or delegation never touches them.
 */
@Component
class TaskDeadlines {

	private final ClockStore clocks;

	TaskDeadlines(ClockStore clocks) {
		this.clocks = clocks;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
	void onCreate(DelegateTask task) {
		clocks.stepClock(task.getExecutionId()).ifPresent(clock -> {
			task.setDueDate(Date.from(clock.deadline()));
			task.setFollowUpDate(Date.from(clock.warnAt()));
		});
	}

}
