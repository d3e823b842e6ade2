package org.sunlight.modeling;

import java.util.List;

/** What the validator found in a well-formed BPMN model. */
public record ValidationReport(List<Problem> problems) {

	public ValidationReport {
		problems = List.copyOf(problems);
	}

	public boolean valid() {
		return problems.stream().noneMatch(Problem::isError);
	}

	public List<Problem> errors() {
		return problems.stream().filter(Problem::isError).toList();
	}

	public List<Problem> warnings() {
		return problems.stream().filter(p -> !p.isError()).toList();
	}

}
