package org.sunlight.modeling.internal.compiler;

import org.sunlight.modeling.ProcessBeans;
import org.sunlight.modeling.SlNamespace;

/**
 * The two alarm levels and everything generated differently for them: ids, names, expressions
 * and colours. Every id starts with {@link #GENERATED}, which is how a recompilation finds and
 * removes what an earlier one added.
 */
enum Level {

	YELLOW("Yellow", "黄色预警", "已预警", "办件黄色预警", "办件预警时间到", "stepWarnAt", "caseWarnAt", "#d4a106",
			"#fff7d6"),

	RED("Red", "红色警告", "已告警", "办件红色警告", "办件期限届满", "stepDeadline", "caseDeadline", "#cc2b2b",
			"#fde8e8");

	static final String GENERATED = SlNamespace.GENERATED_ID_PREFIX;

	private final String key;
	final String stepEventName;
	final String endName;
	final String caseName;
	final String caseStartName;
	private final String stepClockMethod;
	private final String caseClockMethod;
	final String stroke;
	final String fill;

	Level(String key, String stepEventName, String endName, String caseName, String caseStartName,
			String stepClockMethod, String caseClockMethod, String stroke, String fill) {
		this.key = key;
		this.stepEventName = stepEventName;
		this.endName = endName;
		this.caseName = caseName;
		this.caseStartName = caseStartName;
		this.stepClockMethod = stepClockMethod;
		this.caseClockMethod = caseClockMethod;
		this.stroke = stroke;
		this.fill = fill;
	}

	String stepEvent(String taskId) {
		return GENERATED + key + "_" + taskId;
	}

	String stepTimer(String taskId) {
		return GENERATED + key + "Timer_" + taskId;
	}

	String stepFlow(String taskId) {
		return GENERATED + "Flow_" + key + "_" + taskId;
	}

	String stepEnd(String taskId) {
		return GENERATED + key + "End_" + taskId;
	}

	String caseSubProcess() {
		return GENERATED + "Case" + key;
	}

	String caseStart() {
		return caseSubProcess() + "Start";
	}

	String caseTimer() {
		return caseSubProcess() + "Timer";
	}

	String caseFlow() {
		return GENERATED + "Flow_Case" + key;
	}

	String caseEnd() {
		return caseSubProcess() + "End";
	}

	/** Task ids are NCNames, so they never contain the quote that ends the EL string. */
	String stepTimeDate(String taskId) {
		return "${" + ProcessBeans.CLOCK + "." + stepClockMethod + "(execution, '" + taskId + "')}";
	}

	String stepRaise(String taskId) {
		return "${" + ProcessBeans.ESCALATIONS + ".raiseStep(execution, '" + taskId + "', '" + name() + "')}";
	}

	String caseTimeDate() {
		return "${" + ProcessBeans.CLOCK + "." + caseClockMethod + "(execution)}";
	}

	String caseRaise() {
		return "${" + ProcessBeans.ESCALATIONS + ".raiseCase(execution, '" + name() + "')}";
	}

	static String diagramId(String elementId) {
		return elementId + "_di";
	}

}
