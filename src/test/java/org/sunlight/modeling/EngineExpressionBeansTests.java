package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine's second line behind the validator: an expression in a model that reached Camunda
 * some other way still resolves none of the application's beans beyond {@link ProcessBeans}.
 */
@SpringBootTest
class EngineExpressionBeansTests {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void expressionsCannotReachApplicationBeans() {
		assertThatThrownBy(() -> run("${dataSource.connection}")).hasMessageContaining("dataSource");
		assertThatThrownBy(() -> run("${repositoryService.createDeploymentQuery().list()}"))
			.hasMessageContaining("repositoryService");
	}

	@Test
	void expressionsStillReachSunlightsOwnBeans() {
		assertThat(run("${slClock != null && slEscalations != null}")).isNotNull();
	}

	private String run(String expression) {
		BpmnModelInstance model = Bpmn.createExecutableProcess("expression_probe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("probe").camundaExpression(expression)
			.endEvent()
			.done();
		repository.createDeployment().addModelInstance("expression-probe.bpmn", model).deploy();
		return runtime.startProcessInstanceByKey("expression_probe").getId();
	}

}
