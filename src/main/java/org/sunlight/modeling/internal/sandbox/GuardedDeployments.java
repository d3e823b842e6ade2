package org.sunlight.modeling.internal.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.internal.validation.ModelGuard;

/**
 * Runs before Camunda's own deployers, on a new deployment and whenever a node loads an old one
 * into its cache: a BPMN resource that breaks {@link ModelGuard} is refused before it is parsed
 * (some of what the parser does, such as instantiating a form handler class, happens during the
 * parse), and CMMN and DMN, which Sunlight does not use, are refused outright.
 */
final class GuardedDeployments implements Deployer {

	private static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");
	private static final List<String> NOT_USED = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml", ".dmn", ".dmn11.xml");

	private final ModelGuard guard;

	GuardedDeployments(ModelGuard guard) {
		this.guard = guard;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (deployment.getResources() == null) {
			return;
		}
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName().toLowerCase(Locale.ROOT);
			if (NOT_USED.stream().anyMatch(name::endsWith)) {
				throw new ProcessEngineException("Sunlight deploys BPMN only; refused " + resource.getName());
			}
			if (BPMN.stream().anyMatch(name::endsWith)) {
				check(resource);
			}
		}
	}

	private void check(ResourceEntity resource) {
		List<Problem> refusals;
		try {
			refusals = guard.refusals(resource.getBytes());
		}
		catch (ModelRejectedException ex) {
			throw new ProcessEngineException("refused " + resource.getName() + ": " + ex.getMessage(), ex);
		}
		if (!refusals.isEmpty()) {
			throw new ProcessEngineException("refused " + resource.getName() + ": " + refusals.stream()
				.map(p -> p.code() + " " + p.message())
				.collect(Collectors.joining("; ")));
		}
	}

}
