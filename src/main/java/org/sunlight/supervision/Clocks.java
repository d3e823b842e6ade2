package org.sunlight.supervision;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.sunlight.supervision.internal.ClockStore;

/** Reads the schedules the compiled timers run on. */
@Service
public class Clocks {

	private final ClockStore store;

	Clocks(ClockStore store) {
		this.store = store;
	}

	/** The schedule of one run of a step, by the step's scope (its task's) execution. */
	public record StepSchedule(String executionId, String stepId, String timeLimit, Instant startedAt,
			Instant warnAt, Instant deadline) {
	}

	public Optional<StepSchedule> stepSchedule(String executionId) {
		return store.stepClock(executionId)
			.map(c -> new StepSchedule(c.executionId(), c.stepId(), c.timeLimit(), c.startedAt(), c.warnAt(),
					c.deadline()));
	}

	/** The case's schedule; empty when the case has no case-level clock (not a Sunlight power). */
	public Optional<CaseSchedule> caseSchedule(String caseId) {
		return store.caseClock(caseId);
	}

}
