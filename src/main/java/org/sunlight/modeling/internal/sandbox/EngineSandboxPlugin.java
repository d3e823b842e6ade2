package org.sunlight.modeling.internal.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.internal.validation.ExpressionPolicy;
import org.sunlight.modeling.internal.validation.ModelGuard;

/**
 * The engine runs only what the compiler wrote (docs/security.md, "Models cannot run code"). Behind
 * the validator, and whatever way a model reaches the engine:
 * <ul>
 * <li>every BPMN resource passes {@link ModelGuard} before Camunda parses it, and CMMN and DMN
 * resources are refused ({@link GuardedDeployments});</li>
 * <li>the expression language creates only expressions of the compiled policy and can call only
 * the listed methods of {@link org.sunlight.modeling.ProcessBeans}: no other bean, no property or
 * method of any other object, no function ({@link SandboxedExpressionManager});</li>
 * <li>no script is made and no Java class named in a model is instantiated ({@link NoScripts},
 * {@link NoClasses}).</li>
 * </ul>
 */
@Component
class EngineSandboxPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	EngineSandboxPlugin(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The Spring factory bean has already made an expression manager over the whole context by
		// the time plugins run, so it is replaced here rather than configured.
		AllowedBeans beans = new AllowedBeans(context);
		configuration.setBeans(beans);
		configuration.setExpressionManager(
				new SandboxedExpressionManager(beans, ExpressionPolicy.compiled(context::containsBean)));
		configuration.setScriptFactory(new NoScripts());
		configuration.setArtifactFactory(new NoClasses());
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new GuardedDeployments(new ModelGuard(context, context::containsBean)));
		configuration.setCustomPreDeployers(preDeployers);
	}

}
