package org.sunlight.modeling.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine's own lines behind the validator, each proved on its own: the expression language
 * (even for an expression that got past the policy), scripts, classes named in models, and the
 * deployment guard for what would run while a model is parsed.
 */
@SpringBootTest
class EngineSandboxTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	/** Set by {@link Tripwire}'s constructor. */
	static volatile boolean tripped;

	/** A class whose mere instantiation would show that a model made the engine instantiate it. */
	public static final class Tripwire {

		public Tripwire() {
			tripped = true;
		}

	}

	private SandboxedExpressionManager expressions() {
		return (SandboxedExpressionManager) configuration().getExpressionManager();
	}

	private ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	private Object evaluate(String expression, Map<String, Object> variables) {
		SandboxedExpressionManager manager = expressions();
		ELContext context = manager.createElContext(Variables.fromMap(variables).asVariableContext());
		return manager.createUncheckedValueExpression(expression).getValue(context);
	}

	private static final Map<String, Object> VARIABLES = Map.of("text", "abc", "map", Map.of("a", 1), "list",
			List.of("x"));

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass()}", "${''.getClass().forName('java.lang.Runtime')}", "${text.bytes}",
			"${text.length()}", "${text.getClass().getClassLoader()}", "${map.getClass()}", "${map.entrySet()}",
			"${map.a}", "${list[0]}", "${list.get(0).getClass()}", "${slClock.getClass()}", "${slClock.toString()}",
			"${slEscalations.hashCode()}", "${slClock.powers}", "${now()}", "${dateTime()}", "${currentUser()}",
			"${dataSource}", "${dataSource.connection}", "${processEngine}", "${repositoryService.createDeploymentQuery()}" })
	void theLanguageItselfCallsNoMethodReadsNoPropertyResolvesNoOtherBeanAndHasNoFunction(String expression) {
		assertThatThrownBy(() -> evaluate(expression, VARIABLES)).isInstanceOf(ELException.class);
	}

	@Test
	void plainConditionsOverVariablesStillWork() {
		assertThat(evaluate("${amount > 10000 && !approved}", Map.of("amount", 20000, "approved", false))).isEqualTo(true);
		assertThat(evaluate("${level == 'A' ? days < 3 : days < 10}", Map.of("level", "B", "days", 5))).isEqualTo(true);
	}

	@Test
	void theEngineCreatesNoExpressionOutsideTheCompiledPolicy() {
		assertThatThrownBy(() -> expressions().createExpression("${''.getClass()}")).hasMessageContaining("refused");
		assertThatThrownBy(() -> expressions().createExpression("${slClock != null}")).hasMessageContaining("refused");
		assertThatThrownBy(() -> expressions().createExpression("#{approved}")).hasMessageContaining("refused");
		assertThat(expressions().createExpression("${slClock.caseDeadline(execution)}")).isNotNull();
		assertThat(expressions().createExpression("受理 ${approved}")).isNotNull();
	}

	@Test
	void noScriptIsEverMade() {
		assertThatThrownBy(() -> configuration().getScriptFactory().createScriptFromSource("groovy", "1"))
			.hasMessageContaining("no scripts");
		assertThatThrownBy(() -> configuration().getScriptFactory().createScriptFromSource("juel", "${1}"))
			.hasMessageContaining("no scripts");
	}

	@Test
	void noClassNamedInAModelIsInstantiated() {
		assertThatThrownBy(() -> configuration().getArtifactFactory().getArtifact(Tripwire.class))
			.hasMessageContaining("refused");
		assertThat(tripped).isFalse();
	}

	/** Camunda instantiates a form handler class while it parses, before anything could refuse it later. */
	@Test
	void aFormHandlerClassIsRefusedBeforeTheParserInstantiatesIt() {
		assertRefused(userTask("camunda:formHandlerClass=\"" + Tripwire.class.getName() + "\""));
		assertThat(tripped).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<bpmn:serviceTask id=\"Task\" camunda:type=\"shell\"><bpmn:extensionElements>"
			+ "<camunda:field name=\"command\" stringValue=\"touch\"/></bpmn:extensionElements></bpmn:serviceTask>",
			"<bpmn:sendTask id=\"Task\" camunda:type=\"mail\"/>",
			"<bpmn:scriptTask id=\"Task\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
			"<bpmn:serviceTask id=\"Task\" camunda:class=\"org.sunlight.Evil\"/>",
			"<bpmn:userTask id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
					+ "<camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener>"
					+ "</bpmn:extensionElements></bpmn:userTask>",
			"<bpmn:callActivity id=\"Task\" calledElement=\"sys_supervision_order\"/>" })
	void modelsThatWouldRunCodeAreNotDeployedWhateverTheWay(String task) {
		assertRefused(model(task));
	}

	@Test
	void onlyBpmnIsDeployed() {
		long before = repository.createDeploymentQuery().count();
		assertThatThrownBy(() -> repository.createDeployment()
			.addString("decision.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>")
			.deploy()).hasMessageContaining("refused");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private void assertRefused(String xml) {
		long before = repository.createDeploymentQuery().count();
		assertThatThrownBy(() -> repository.createDeployment().addString("probe.bpmn", xml).deploy())
			.hasMessageContaining("refused");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private static String userTask(String attributes) {
		return model("<bpmn:userTask id=\"Task\" " + attributes + "/>");
	}

	private static String model(String task) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="urn:sunlight:probe">
				  <bpmn:process id="sandbox_probe" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:startEvent id="Start"/>
				    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task"/>
				    %s
				    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End"/>
				    <bpmn:endEvent id="End"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(task);
	}

}
