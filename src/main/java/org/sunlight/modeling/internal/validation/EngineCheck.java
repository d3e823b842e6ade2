package org.sunlight.modeling.internal.validation;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.Problem;

/**
 * Asks the engine's own BPMN parser whether it would deploy a compiled model, without deploying
 * it: the engine's rules (an exclusive gateway's unconditional flows, say) stay written once, in
 * the engine, and a model it would refuse is refused with problems when it is submitted, not with
 * a server error when a reviewer approves it.
 */
@Component
public class EngineCheck {

	private final ObjectProvider<ProcessEngine> engine;
	private final MessageSource messages;
	private final ModelGuard guard;

	EngineCheck(ObjectProvider<ProcessEngine> engine, MessageSource messages, ListableBeanFactory beans) {
		this.engine = engine;
		this.messages = messages;
		this.guard = new ModelGuard(messages, beans::containsBean);
	}

	/** The engine's errors for the compiled model, each on its element; empty when it would deploy. */
	public List<Problem> refusals(byte[] compiled, String resourceName, Locale locale) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getObject()
			.getProcessEngineConfiguration();
		// The engine's guard first, as on a real deployment: some of the parse runs code.
		List<Problem> guarded = guard.refusals(compiled);
		if (!guarded.isEmpty()) {
			return guarded;
		}
		BpmnParser parser = configuration.getDeployers()
			.stream()
			.filter(BpmnDeployer.class::isInstance)
			.map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
		return configuration.getCommandExecutorTxRequired().execute(context -> {
			DeploymentEntity deployment = new DeploymentEntity();
			deployment.setName("sunlight-check");
			BpmnParse parse = parser.createParse()
				.sourceInputStream(new ByteArrayInputStream(compiled))
				.deployment(deployment)
				.name(resourceName);
			try {
				parse.execute();
				return List.of();
			}
			catch (ParseException ex) {
				Problems problems = new Problems(messages, locale);
				ex.getResorceReports()
					.forEach(report -> report.getErrors()
						.forEach(error -> problems.add(ProblemCode.ENGINE_REFUSED, error.getMainElementId(),
								error.getMainElementId() == null ? "<definitions>" : error.getMainElementId(),
								error.getMessage())));
				return problems.report().problems();
			}
		});
	}

}
