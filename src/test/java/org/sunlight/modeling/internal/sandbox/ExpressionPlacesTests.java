package org.sunlight.modeling.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.internal.validation.SlModelValidator;

/**
 * Every place where Camunda 7.24's BPMN parser (and the form handler, the I/O mapping parser and
 * the retry-cycle parser it calls) makes text into an expression, derived from the engine's source
 * (docs/security.md lists them with the source lines). A model that puts a hostile expression in
 * such a place is refused by the validator, and is refused by the engine itself when it is
 * deployed straight through {@link RepositoryService}, skipping the validator: nothing runs. Where
 * a harmless literal in the same place is allowed, the same model with that literal deploys, so
 * the refusal is the expression's and not a broken model's.
 */
@SpringBootTest
class ExpressionPlacesTests {

	/** Would set a system property if it ever ran. */
	static final String HOSTILE = "${''.getClass().forName('java.lang.System').getMethod('setProperty', ''.getClass(), "
			+ "''.getClass()).invoke(null, 'sunlight.pwned', 'yes')}";

	private static final String PWNED = "sunlight.pwned";

	/** What the validator may call an expression it refuses, depending on the place. */
	private static final Set<String> REFUSALS = Set.of("EXPRESSION_NOT_ALLOWED", "DELEGATE_EXPRESSION_NOT_ALLOWED");

	@Autowired
	RepositoryService repository;

	@Autowired
	SlModelValidator validator;

	@AfterEach
	void removeControlDeployments() {
		for (Deployment deployment : repository.createDeploymentQuery().deploymentName("expression-place").list()) {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	/** A place: a model with {@code %s} where the text goes, and a harmless literal when the place allows one. */
	record Place(String name, String model, String literal) {

		String with(String text) {
			return model.replace("%s", text);
		}

		@Override
		public String toString() {
			return name;
		}

	}

	static Stream<Arguments> places() {
		return PLACES.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("places")
	void aHostileExpressionInThisPlaceIsRefusedByTheValidatorAndByTheEngine(Place place) {
		String hostile = place.with(HOSTILE);
		List<Problem> problems = validator.validate(hostile.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).problems();
		assertThat(problems).extracting(Problem::code).as("validator on %s", place).containsAnyElementsOf(REFUSALS);

		long before = repository.createDeploymentQuery().count();
		assertThatThrownBy(() -> deploy(hostile)).as("engine on %s", place).hasMessageContaining("refused");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertThat(System.getProperty(PWNED)).as("nothing ran").isNull();

		if (place.literal() != null) {
			String harmless = place.with(place.literal());
			assertThat(validator.validate(harmless.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).problems())
				.extracting(Problem::code)
				.doesNotContainAnyElementsOf(REFUSALS);
			deploy(harmless);
		}
	}

	private void deploy(String xml) {
		repository.createDeployment().name("expression-place").addString("place.bpmn", xml).deploy();
	}

	private static final String DEFINITIONS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
			    id="Definitions" targetNamespace="urn:sunlight:probe">
			  TOP
			  <bpmn:process id="expression_place" isExecutable="true" camunda:historyTimeToLive="1" ATTRIBUTES>
			    HEAD
			    <bpmn:startEvent id="Start"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task"/>
			    TASK
			    FLOW
			    <bpmn:endEvent id="End"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	private static final String USER_TASK = "<bpmn:userTask id=\"Task\" name=\"受理\"/>";
	private static final String FLOW = "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Task\" targetRef=\"End\"/>";

	private static String model(String top, String attributes, String task, String flow, String head) {
		return DEFINITIONS.replace("TOP", top)
			.replace("ATTRIBUTES", attributes)
			.replace("HEAD", head)
			.replace("TASK", task)
			.replace("FLOW", flow);
	}

	private static Place top(String name, String top, String literal) {
		return new Place(name, model(top, "", USER_TASK, FLOW, ""), literal);
	}

	private static Place process(String name, String attributes, String literal) {
		return new Place(name, model("", attributes, USER_TASK, FLOW, ""), literal);
	}

	private static Place task(String name, String task, String literal) {
		return new Place(name, model("", "", task, FLOW, ""), literal);
	}

	private static Place userTaskExtension(String name, String extension, String literal) {
		return task(name, "<bpmn:userTask id=\"Task\"><bpmn:extensionElements>" + extension
				+ "</bpmn:extensionElements></bpmn:userTask>", literal);
	}

	private static Place callActivity(String name, String attributes, String extension) {
		return task(name, "<bpmn:callActivity id=\"Task\" calledElement=\"other\" " + attributes
				+ "><bpmn:extensionElements>" + extension + "</bpmn:extensionElements></bpmn:callActivity>", null);
	}

	private static final String ASSIGNMENT = "<bpmn:resourceAssignmentExpression><bpmn:formalExpression>%s"
			+ "</bpmn:formalExpression></bpmn:resourceAssignmentExpression>";

	private static final String EXTERNAL = "<bpmn:serviceTask id=\"Task\" camunda:type=\"external\" camunda:topic=\"archive\"";

	/** BpmnParse, BpmnParseUtil, DefaultFormHandler, FormValidators and ParseUtil of Camunda 7.24. */
	static final List<Place> PLACES = List.of(
			// definitions
			top("message name", "<bpmn:message id=\"Message\" name=\"%s\"/>", "approved"),
			top("signal name", "<bpmn:signal id=\"Signal\" name=\"%s\"/>", "approved"),
			top("error message", "<bpmn:error id=\"Error\" errorCode=\"E1\" camunda:errorMessage=\"%s\"/>", "failed"),
			// the process
			process("candidate starter users", "camunda:candidateStarterUsers=\"%s\"", "handler1"),
			process("candidate starter groups", "camunda:candidateStarterGroups=\"%s\"", "land-window"),
			new Place("potential starter", model("", "", USER_TASK, FLOW, "<bpmn:extensionElements><camunda:potentialStarter>"
					+ ASSIGNMENT + "</camunda:potentialStarter></bpmn:extensionElements>"), "group(land-window)"),
			process("job priority", "camunda:jobPriority=\"%s\"", "10"),
			process("task priority of the process", "camunda:taskPriority=\"%s\"", "10"),
			// user tasks
			task("user task name", "<bpmn:userTask id=\"Task\" name=\"%s\"/>", "受理"),
			task("user task documentation",
					"<bpmn:userTask id=\"Task\"><bpmn:documentation>%s</bpmn:documentation></bpmn:userTask>", "审查要点"),
			task("assignee", "<bpmn:userTask id=\"Task\" camunda:assignee=\"%s\"/>", "handler1"),
			task("candidate users", "<bpmn:userTask id=\"Task\" camunda:candidateUsers=\"%s\"/>", "handler1"),
			task("candidate groups", "<bpmn:userTask id=\"Task\" camunda:candidateGroups=\"%s\"/>", "land-window"),
			task("due date", "<bpmn:userTask id=\"Task\" camunda:dueDate=\"%s\"/>", "2030-01-01T00:00:00"),
			task("follow-up date", "<bpmn:userTask id=\"Task\" camunda:followUpDate=\"%s\"/>", "2030-01-01T00:00:00"),
			task("task priority", "<bpmn:userTask id=\"Task\" camunda:priority=\"%s\"/>", "50"),
			task("form key", "<bpmn:userTask id=\"Task\" camunda:formKey=\"%s\"/>", "embedded:app:forms/accept.html"),
			task("form ref", "<bpmn:userTask id=\"Task\" camunda:formRef=\"%s\" camunda:formRefBinding=\"latest\"/>",
					"accept-form"),
			task("form ref version", "<bpmn:userTask id=\"Task\" camunda:formRef=\"accept-form\" "
					+ "camunda:formRefBinding=\"version\" camunda:formRefVersion=\"%s\"/>", "1"),
			task("human performer",
					"<bpmn:userTask id=\"Task\"><bpmn:humanPerformer>" + ASSIGNMENT + "</bpmn:humanPerformer></bpmn:userTask>",
					"handler1"),
			task("potential owner",
					"<bpmn:userTask id=\"Task\"><bpmn:potentialOwner>" + ASSIGNMENT + "</bpmn:potentialOwner></bpmn:userTask>",
					"group(land-window)"),
			userTaskExtension("task listener expression", "<camunda:taskListener event=\"create\" expression=\"%s\"/>",
					"noted"),
			userTaskExtension("task listener delegate expression",
					"<camunda:taskListener event=\"create\" delegateExpression=\"%s\"/>", null),
			userTaskExtension("execution listener expression",
					"<camunda:executionListener event=\"start\" expression=\"%s\"/>", "noted"),
			userTaskExtension("execution listener delegate expression",
					"<camunda:executionListener event=\"start\" delegateExpression=\"%s\"/>", null),
			userTaskExtension("field injection of a listener", "<camunda:executionListener event=\"start\" "
					+ "delegateExpression=\"${listener}\"><camunda:field name=\"f\" expression=\"%s\"/></camunda:executionListener>",
					null),
			// input and output mappings
			userTaskExtension("input parameter", "<camunda:inputOutput><camunda:inputParameter name=\"p\">%s"
					+ "</camunda:inputParameter></camunda:inputOutput>", "value"),
			userTaskExtension("output parameter", "<camunda:inputOutput><camunda:outputParameter name=\"p\">%s"
					+ "</camunda:outputParameter></camunda:inputOutput>", "value"),
			userTaskExtension("input list value", "<camunda:inputOutput><camunda:inputParameter name=\"p\"><camunda:list>"
					+ "<camunda:value>%s</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput>", "value"),
			userTaskExtension("input map key", "<camunda:inputOutput><camunda:inputParameter name=\"p\"><camunda:map>"
					+ "<camunda:entry key=\"%s\">v</camunda:entry></camunda:map></camunda:inputParameter></camunda:inputOutput>",
					"key"),
			userTaskExtension("input map value", "<camunda:inputOutput><camunda:inputParameter name=\"p\"><camunda:map>"
					+ "<camunda:entry key=\"k\">%s</camunda:entry></camunda:map></camunda:inputParameter></camunda:inputOutput>",
					"value"),
			// forms
			userTaskExtension("form field label",
					"<camunda:formData><camunda:formField id=\"f\" label=\"%s\" type=\"string\"/></camunda:formData>", "意见"),
			userTaskExtension("form field default value",
					"<camunda:formData><camunda:formField id=\"f\" type=\"string\" defaultValue=\"%s\"/></camunda:formData>",
					"同意"),
			userTaskExtension("form field validator configuration", "<camunda:formData><camunda:formField id=\"f\" "
					+ "type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"%s\"/>"
					+ "</camunda:validation></camunda:formField></camunda:formData>", null),
			userTaskExtension("form property expression",
					"<camunda:formProperty id=\"p\" expression=\"%s\"/>", "value"),
			userTaskExtension("form property default", "<camunda:formProperty id=\"p\" default=\"%s\"/>", "value"),
			// jobs
			task("failed job retry time cycle", "<bpmn:userTask id=\"Task\" camunda:asyncBefore=\"true\">"
					+ "<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>%s</camunda:failedJobRetryTimeCycle>"
					+ "</bpmn:extensionElements></bpmn:userTask>", "R3/PT5M"),
			// multi-instance
			task("loop cardinality", "<bpmn:userTask id=\"Task\"><bpmn:multiInstanceLoopCharacteristics>"
					+ "<bpmn:loopCardinality>%s</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>",
					"3"),
			task("completion condition", "<bpmn:userTask id=\"Task\"><bpmn:multiInstanceLoopCharacteristics>"
					+ "<bpmn:loopCardinality>3</bpmn:loopCardinality><bpmn:completionCondition>%s</bpmn:completionCondition>"
					+ "</bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>", "${nrOfCompletedInstances >= 2}"),
			task("multi-instance collection", "<bpmn:userTask id=\"Task\"><bpmn:multiInstanceLoopCharacteristics "
					+ "camunda:collection=\"%s\" camunda:elementVariable=\"reviewer\"/></bpmn:userTask>", "${reviewers}"),
			// activity properties (the engine's old variable declarations)
			task("property source expression", "<bpmn:userTask id=\"Task\"><bpmn:property id=\"Property\" name=\"p\" "
					+ "camunda:srcExpr=\"%s\"/></bpmn:userTask>", "value"),
			task("property target expression", "<bpmn:userTask id=\"Task\"><bpmn:property id=\"Property\" name=\"p\" "
					+ "camunda:dstExpr=\"%s\"/></bpmn:userTask>", "value"),
			task("property link expression", "<bpmn:userTask id=\"Task\"><bpmn:property id=\"Property\" name=\"p\" "
					+ "camunda:linkExpr=\"%s\"/></bpmn:userTask>", "value"),
			// service-like tasks
			task("service task expression", "<bpmn:serviceTask id=\"Task\" camunda:expression=\"%s\"/>", "${approved}"),
			task("service task delegate expression", "<bpmn:serviceTask id=\"Task\" camunda:delegateExpression=\"%s\"/>",
					null),
			task("external task topic",
					"<bpmn:serviceTask id=\"Task\" camunda:type=\"external\" camunda:topic=\"%s\"/>", "archive"),
			task("external task priority", EXTERNAL + " camunda:taskPriority=\"%s\"/>", "10"),
			new Place("external task error event definition", model("<bpmn:error id=\"Error\" errorCode=\"E1\"/>", "",
					EXTERNAL + "><bpmn:extensionElements><camunda:errorEventDefinition id=\"Error_Definition\" "
							+ "errorRef=\"Error\" expression=\"%s\"/></bpmn:extensionElements></bpmn:serviceTask>",
					FLOW, ""), "${failed}"),
			task("decision reference", "<bpmn:businessRuleTask id=\"Task\" camunda:decisionRef=\"%s\"/>", null),
			// conditions
			new Place("sequence flow condition", model("", "", USER_TASK,
					"<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Task\" targetRef=\"End\"><bpmn:conditionExpression "
							+ "xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:conditionExpression></bpmn:sequenceFlow>", ""),
					"${approved}"),
			task("conditional event", "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:conditionalEventDefinition>"
					+ "<bpmn:condition xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:condition></bpmn:conditionalEventDefinition>"
					+ "</bpmn:intermediateCatchEvent>", "${approved}"),
			// timers
			task("timer date", "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:timerEventDefinition>"
					+ "<bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
					"2030-01-01T00:00:00"),
			task("timer duration", "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:timerEventDefinition>"
					+ "<bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
					"P3D"),
			task("timer cycle", "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:timerEventDefinition>"
					+ "<bpmn:timeCycle>%s</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
					"R2/PT1H"),
			// call activities
			task("called element", "<bpmn:callActivity id=\"Task\" calledElement=\"%s\"/>", null),
			callActivity("called element version", "camunda:calledElementBinding=\"version\" "
					+ "camunda:calledElementVersion=\"%s\"", ""),
			callActivity("called element version tag", "camunda:calledElementBinding=\"versionTag\" "
					+ "camunda:calledElementVersionTag=\"%s\"", ""),
			callActivity("called element tenant", "camunda:calledElementTenantId=\"%s\"", ""),
			callActivity("business key", "", "<camunda:in businessKey=\"%s\"/>"),
			callActivity("in mapping source expression", "", "<camunda:in sourceExpression=\"%s\" target=\"t\"/>"),
			callActivity("out mapping source expression", "", "<camunda:out sourceExpression=\"%s\" target=\"t\"/>"),
			callActivity("variable mapping delegate expression", "camunda:variableMappingDelegateExpression=\"%s\"", ""));

}
