package org.sunlight.modeling;

import java.util.List;

/**
 * The outcome of deploying a power: its version, the Camunda definition and the warnings that did
 * not block it. {@code unchanged} is true when the source equals the latest version's and nothing
 * was deployed.
 */
public record DeploymentResult(String powerCode, int version, String processDefinitionId,
		List<Problem> problems, boolean unchanged) {

	public DeploymentResult {
		problems = List.copyOf(problems);
	}

}
