package org.sunlight.modeling;

/**
 * One finding of the validator, tied to the BPMN element it is about ({@code elementId} is the
 * process id for power-level problems, {@code null} only when no element applies).
 */
public record Problem(String elementId, Severity severity, String code, String message) {

	public static Problem error(String elementId, String code, String message) {
		return new Problem(elementId, Severity.ERROR, code, message);
	}

	public static Problem warning(String elementId, String code, String message) {
		return new Problem(elementId, Severity.WARNING, code, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

}
