package org.sunlight.supervision.internal;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every supervised task its deadline as due date and its warning time as follow-up date,
 * so lists sort by them and even Camunda's own tools show them. They come from the step clock
 * made when the step began; reassignment or delegation never touches them. A step that begins
 * while its case's clock is paused has its timers held like the others (resume moves them by
 * the part of the pause after the step began).
 */
@Component
class TaskDeadlines {

	private final ClockStore clocks;
	private final PauseStore pauses;

	TaskDeadlines(ClockStore clocks, PauseStore pauses) {
		this.clocks = clocks;
		this.pauses = pauses;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
	void onCreate(DelegateTask task) {
		clocks.stepClock(task.getExecutionId()).ifPresent(clock -> {
			task.setDueDate(Date.from(clock.deadline()));
			task.setFollowUpDate(Date.from(clock.warnAt()));
			if (pauses.open(task.getProcessInstanceId()).isPresent()) {
				holdNewTimers(task.getExecutionId());
			}
		});
	}

	/**
	 * The step's boundary timers are created with its scope in this very command, after the task,
	 * and are not in the database yet, so no job query finds them. When the command closes,
	 * before it flushes, they are suspended in its cache and so inserted suspended.
	 */
	private static void holdNewTimers(String executionId) {
		Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {

			@Override
			public void onCommandContextClose(CommandContext context) {
				// getCachedEntitiesByType misses subtypes of JobEntity: walk the whole cache.
				for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
					if (cached.getEntityState() == DbEntityState.TRANSIENT && cached.getEntity() instanceof TimerEntity timer
							&& executionId.equals(timer.getExecutionId())) {
						timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
					}
				}
			}

			@Override
			public void onCommandFailed(CommandContext context, Throwable failure) {
				// nothing is flushed on failure
			}

		});
	}

}
