package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Optional;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * Finds the process that carries the power: the one executable process of the definitions.
 * Other, non-executable processes (pools of a collaboration drawn for context) are allowed and
 * ignored; Camunda does not deploy them. Camunda treats a process without {@code isExecutable} as
 * executable, and so do we.
 */
final class PowerProcess {

	private PowerProcess() {
	}

	static List<Element> executable(Element definitions) {
		return Dom.children(definitions, SlNamespace.BPMN, "process")
			.stream()
			.filter(process -> !"false".equals(Dom.text(process, "isExecutable")))
			.toList();
	}

	/** The first executable process; the validator reports it when there is not exactly one. */
	static Optional<Element> find(Element definitions) {
		return executable(definitions).stream().findFirst();
	}

	/** Finds the process and reports what is wrong with the choice. */
	static Optional<Element> find(Element definitions, Problems problems) {
		List<Element> processes = Dom.children(definitions, SlNamespace.BPMN, "process");
		if (processes.isEmpty()) {
			problems.add(ProblemCode.NO_PROCESS, definitions);
			return Optional.empty();
		}
		List<Element> executable = executable(definitions);
		if (executable.isEmpty()) {
			problems.add(ProblemCode.NO_EXECUTABLE_PROCESS, processes.get(0));
			return Optional.empty();
		}
		if (executable.size() > 1) {
			for (Element process : executable) {
				problems.add(ProblemCode.MULTIPLE_EXECUTABLE_PROCESSES, process, executable.size());
			}
		}
		return Optional.of(executable.get(0));
	}

}
