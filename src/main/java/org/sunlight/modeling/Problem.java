package org.sunlight.modeling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding of the validator, tied to the BPMN element it is about ({@code elementId} is the
 * process id for power-level problems, {@code null} only when no element applies). Violations of
 * the BPMN schema also carry where they are in the file ({@code line}, {@code column}, from 1);
 * other problems are about elements, wherever they are written, and carry none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String elementId, Severity severity, String code, String message, Integer line, Integer column) {

	public Problem(String elementId, Severity severity, String code, String message) {
		this(elementId, severity, code, message, null, null);
	}

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
