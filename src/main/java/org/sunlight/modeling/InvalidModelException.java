package org.sunlight.modeling;

/** A well-formed BPMN model that breaks rules of the extension: answered with 422 and its problems. */
public class InvalidModelException extends RuntimeException {

	private final ValidationReport report;

	public InvalidModelException(ValidationReport report) {
		super(report.errors().size() + " problem(s) block deployment");
		this.report = report;
	}

	public ValidationReport report() {
		return report;
	}

}
