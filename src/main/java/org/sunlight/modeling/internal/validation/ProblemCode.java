package org.sunlight.modeling.internal.validation;

import org.sunlight.modeling.Severity;

/**
 * Every finding the validator can report, with its severity. The names are a contract: the
 * designer's properties panel and the tests key on them, so a code is never renamed.
 */
public enum ProblemCode {

	// The file as BPMN 2.0
	BPMN_SCHEMA(Severity.ERROR),
	BPMN_UNREADABLE(Severity.ERROR),
	/** The engine's own parser refuses the compiled model (its rules are not repeated here). */
	ENGINE_REFUSED(Severity.ERROR),

	// The process that carries the power
	NO_PROCESS(Severity.ERROR),
	NO_EXECUTABLE_PROCESS(Severity.ERROR),
	MULTIPLE_EXECUTABLE_PROCESSES(Severity.ERROR),
	MISSING_PROCESS_NAME(Severity.WARNING),

	// sl:power
	MISSING_POWER(Severity.ERROR),
	DUPLICATE_POWER(Severity.ERROR),
	MISSING_POWER_CODE(Severity.ERROR),
	INVALID_POWER_CODE(Severity.ERROR),
	MISSING_CATEGORY(Severity.ERROR),
	UNKNOWN_CATEGORY(Severity.ERROR),
	MISSING_DEPARTMENT(Severity.ERROR),
	MISSING_LEGAL_BASIS(Severity.ERROR),
	MISSING_CASE_LIMIT(Severity.ERROR),
	UNKNOWN_CALENDAR(Severity.ERROR),
	INVALID_DURATION(Severity.ERROR),
	DURATION_OUT_OF_RANGE(Severity.ERROR),
	PROMISED_EXCEEDS_STATUTORY(Severity.ERROR),
	INVALID_PUBLIC(Severity.ERROR),
	INVALID_FEE(Severity.ERROR),
	UNKNOWN_SL_ATTRIBUTE(Severity.WARNING),
	MISPLACED_SL_ELEMENT(Severity.WARNING),

	// User tasks: the four clarities and the risk points
	MISSING_RESPONSIBLE(Severity.ERROR),
	MISSING_STEP(Severity.ERROR),
	DUPLICATE_STEP(Severity.ERROR),
	UNSUPERVISED_WITHOUT_REASON(Severity.ERROR),
	UNSUPERVISED_STEP(Severity.WARNING),
	UNSUPERVISED_WITH_STEP(Severity.WARNING),
	MISSING_TIME_LIMIT(Severity.ERROR),
	MISSING_SUPERVISOR(Severity.ERROR),
	INVALID_SUPERVISOR(Severity.ERROR),
	WARN_BEFORE_NOT_SHORTER(Severity.ERROR),
	INVALID_RISK_LEVEL(Severity.ERROR),
	RISK_WITHOUT_MEASURE(Severity.ERROR),
	RISK_WITHOUT_DESCRIPTION(Severity.WARNING),
	RISK_LEVEL_INCONSISTENT(Severity.WARNING),
	DISCRETION_WITHOUT_RISK(Severity.WARNING),
	SAME_RESPONSIBLE_AND_SUPERVISOR(Severity.WARNING),

	// Models cannot run code
	SCRIPT_TASK_NOT_ALLOWED(Severity.ERROR),
	SCRIPT_NOT_ALLOWED(Severity.ERROR),
	CLASS_NOT_ALLOWED(Severity.ERROR),
	DELEGATE_EXPRESSION_NOT_ALLOWED(Severity.ERROR),
	CONNECTOR_NOT_ALLOWED(Severity.ERROR),
	EXPRESSION_NOT_ALLOWED(Severity.ERROR),
	CALL_ACTIVITY_NOT_ALLOWED(Severity.ERROR),
	DECISION_NOT_ALLOWED(Severity.ERROR),
	IMPORT_NOT_ALLOWED(Severity.ERROR),
	LEGACY_NAMESPACE_NOT_ALLOWED(Severity.ERROR),
	TASK_WITHOUT_IMPLEMENTATION(Severity.ERROR),
	EXTERNAL_TASK(Severity.WARNING),

	// Models cannot flood the engine
	INVALID_TIMER(Severity.ERROR),
	TIMER_CYCLE_OUT_OF_BOUNDS(Severity.ERROR),
	LOOP_CARDINALITY_OUT_OF_BOUNDS(Severity.ERROR),

	// Structure
	NO_START_EVENT(Severity.ERROR),
	UNREACHABLE_ELEMENT(Severity.ERROR),
	RESERVED_ID(Severity.ERROR),
	NO_PATH_TO_END(Severity.ERROR),
	STEP_LIMITS_EXCEED_CASE_LIMIT(Severity.WARNING);

	private final Severity severity;

	ProblemCode(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return severity;
	}

	/** The key of the message in {@code i18n/problems*.properties}. */
	public String messageKey() {
		return "problem." + name();
	}

}
