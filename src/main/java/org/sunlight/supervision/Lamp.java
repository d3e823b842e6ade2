package org.sunlight.supervision;

import java.time.Instant;

/** The lamp (亮灯) of a step or a case: what a handler or supervisor sees at a glance. */
public enum Lamp {
	GREEN, YELLOW, RED, PAUSED, DONE;

	public static Lamp of(Instant now, Instant warnAt, Instant deadline, boolean paused, boolean done) {
		if (done) {
			return DONE;
		}
		if (paused) {
			return PAUSED;
		}
		if (deadline != null && !now.isBefore(deadline)) {
			return RED;
		}
		if (warnAt != null && !now.isBefore(warnAt)) {
			return YELLOW;
		}
		return GREEN;
	}

}
