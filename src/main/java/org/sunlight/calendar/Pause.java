package org.sunlight.calendar;

import java.time.Instant;

/** A clock pause covering [from, to); {@code to} is null while the clock is still stopped. */
public record Pause(Instant from, Instant to) {

	public Pause {
		if (from == null) {
			throw new IllegalArgumentException("a pause needs its start");
		}
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
		}
	}

	public static Pause open(Instant from) {
		return new Pause(from, null);
	}

}
