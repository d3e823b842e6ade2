package org.sunlight.modeling;

import java.util.List;

/**
 * The only Spring beans a process model may reach from an expression, all Sunlight's own: the
 * compiled timers call them. The engine is configured to resolve no other bean name, so even an
 * expression that slipped past the validator finds nothing to call.
 */
public final class ProcessBeans {

	/** Computes the compiled timers' dates ({@code stepWarnAt}, {@code stepDeadline}, {@code caseWarnAt}, {@code caseDeadline}). */
	public static final String CLOCK = "slClock";

	/** Raises escalations from the compiled timers' end events ({@code raiseStep}, {@code raiseCase}). */
	public static final String ESCALATIONS = "slEscalations";

	public static final List<String> ALL = List.of(CLOCK, ESCALATIONS);

	private ProcessBeans() {
	}

}
