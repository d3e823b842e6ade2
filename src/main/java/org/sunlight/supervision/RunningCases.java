package org.sunlight.supervision;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.sunlight.supervision.internal.ClockStore;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;

/** Finds the clock of a case that is still running: 404 when unknown, 409 when it has ended. */
@Component
class RunningCases {

	private final RuntimeService runtime;
	private final HistoryService history;
	private final ClockStore clocks;

	RunningCases(RuntimeService runtime, HistoryService history, ClockStore clocks) {
		this.runtime = runtime;
		this.history = history;
		this.clocks = clocks;
	}

	CaseSchedule clock(String caseId) {
		if (runtime.createProcessInstanceQuery().processInstanceId(caseId).count() == 0) {
			if (history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
				throw new ConflictException("case " + caseId + " has ended; its clock can no longer change");
			}
			throw new NotFoundException("no case with id " + caseId);
		}
		return clocks.caseClock(caseId)
			.orElseThrow(() -> new NotFoundException("case " + caseId + " has no supervised clock"));
	}

}
