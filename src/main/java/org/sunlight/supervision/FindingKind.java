package org.sunlight.supervision;

/** What a supervisor found out about a delay (查实认定); findings at fault count in the evaluation. */
public enum FindingKind {

	/** The delay had a lawful or practical reason. */
	JUSTIFIED_DELAY,
	/** The handler (经办人) is at fault. */
	HANDLER_AT_FAULT,
	/** The process or its limits are at fault: a case for reengineering. */
	PROCESS_AT_FAULT;

	public boolean atFault() {
		return this != JUSTIFIED_DELAY;
	}

}
