package org.sunlight.supervision;

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

	/** The case's schedule; empty when the case has no case-level clock (not a Sunlight power). */
	public Optional<CaseSchedule> caseSchedule(String caseId) {
		return store.caseClock(caseId);
	}

}
