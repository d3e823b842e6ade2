package org.sunlight.modeling.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.SlNamespace;

/**
 * Camunda's activity history is not written for the compiled clocks' elements ({@code SL_…}: the
 * timer boundary events and their end events, the case pair's event sub-processes with their
 * start and end events). A fired clock would otherwise add two or three {@code ACT_HI_ACTINST}
 * rows, each with Camunda's many indexes, in the timer job's transaction, recording what its
 * escalation row and audit record already hold with the snapshot; nothing in Sunlight reads them.
 * Every other history, the clock timers' job log included (it keeps their failures), is written
 * as before. An administrator who wants the clocks in Camunda's own history view sets
 * {@code sunlight.history.clock-activities}.
 */
@Component
class ClockHistoryPlugin extends AbstractProcessEnginePlugin {

	private final boolean clockActivities;

	ClockHistoryPlugin(@Value("${sunlight.history.clock-activities:false}") boolean clockActivities) {
		this.clockActivities = clockActivities;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (clockActivities) {
			return;
		}
		// Replaces the engine's default database handler, keeping any custom handler after it. A
		// custom HistoryLevel could skip these events before they are made, but the engine stores
		// its level in the database and refuses to start on one that differs from it.
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new WithoutClockActivities());
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}

	/** Camunda's database handler, skipping the activity instances of compiled clock elements. */
	static final class WithoutClockActivities extends DbHistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isClockActivity(event)) {
				super.handleEvent(event);
			}
		}

		static boolean isClockActivity(HistoryEvent event) {
			return event instanceof HistoricActivityInstanceEventEntity activity && activity.getActivityId() != null
					&& activity.getActivityId().startsWith(SlNamespace.GENERATED_ID_PREFIX);
		}

	}

}
