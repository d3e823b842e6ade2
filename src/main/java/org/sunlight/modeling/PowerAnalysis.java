package org.sunlight.modeling;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A power's source model measured: its description, the sum of step limits along the longest path
 * (a day counted as 24 hours, as the validator's case-limit warning counts it), the steps with
 * discretion (by the validator's rule) and every element of the executable process.
 */
public record PowerAnalysis(PowerDescription power, Duration longestPath, Set<String> discretionSteps, Map<String, ElementFacts> elements) {

	public PowerAnalysis {
		discretionSteps = Set.copyOf(discretionSteps);
		elements = Map.copyOf(elements);
	}

	/**
	 * One element with an id: its BPMN type (local name, e.g. {@code userTask}), its name and its
	 * properties flattened to paths ({@code @name}, {@code extensionElements/step/@timeLimit},
	 * {@code extensionElements/step/risk[2]/@level}), nested flow elements and diagram left out.
	 */
	public record ElementFacts(String type, String name, Map<String, String> properties) {

		public ElementFacts {
			properties = Map.copyOf(properties);
		}

	}

}
