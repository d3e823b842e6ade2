package org.sunlight.modeling.internal.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/** What a user task says about its step, read the same way by the rules and the reader. */
final class UserTasks {

	private UserTasks() {
	}

	/** Every user task of the process, nested ones included, in document order. */
	static List<Element> of(Element process) {
		return Dom.descendants(process, SlNamespace.BPMN, "userTask");
	}

	static String assignee(Element task) {
		return Dom.text(task, SlNamespace.CAMUNDA, "assignee");
	}

	static List<String> candidateGroups(Element task) {
		return commaList(Dom.attr(task, SlNamespace.CAMUNDA, "candidateGroups"));
	}

	static List<String> candidateUsers(Element task) {
		return commaList(Dom.attr(task, SlNamespace.CAMUNDA, "candidateUsers"));
	}

	static boolean hasResponsible(Element task) {
		return assignee(task) != null || !candidateGroups(task).isEmpty() || !candidateUsers(task).isEmpty();
	}

	static Optional<Element> step(Element task) {
		return Dom.extensions(task, SlNamespace.URI, SlVocabulary.STEP).stream().findFirst();
	}

	static List<Element> risks(Element step) {
		return Dom.children(step, SlNamespace.URI, SlVocabulary.RISK);
	}

	/** The {@code sl:unsupervised} attribute as written, {@code null} when absent. */
	static String unsupervised(Element task) {
		return Dom.attr(task, SlNamespace.URI, SlVocabulary.UNSUPERVISED);
	}

	/** A risk level 1, 2 or 3; empty for anything else. */
	static Optional<Integer> level(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text.trim()) {
			case "1" -> Optional.of(1);
			case "2" -> Optional.of(2);
			case "3" -> Optional.of(3);
			default -> Optional.empty();
		};
	}

	/** The highest level among the step's risk points: level 1 is the highest. */
	static Optional<Integer> highestRiskLevel(Element step) {
		return risks(step).stream()
			.map(risk -> level(Dom.attr(risk, "level")))
			.flatMap(Optional::stream)
			.min(Integer::compare);
	}

	static List<String> commaList(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

}
