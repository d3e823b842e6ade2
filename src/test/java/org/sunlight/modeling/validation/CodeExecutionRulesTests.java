package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertEngineAccepts;
import static org.sunlight.modeling.validation.Validation.assertEngineRefuses;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.assertNoProblem;
import static org.sunlight.modeling.validation.Validation.assertWarning;
import static org.sunlight.modeling.validation.Validation.validPlus;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.ValidationReport;

/** Models cannot run code: no scripts, classes, connectors, and only allowed expressions. */
class CodeExecutionRulesTests {

	private static final String LAST_FLOW = "<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Task_Decide\" targetRef=\"End_Approved\"/>";

	private static final String ACCEPT_STEP_END = "</sl:step>\n      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F2\"";

	@ParameterizedTest
	@ValueSource(strings = { "${approved}", "${amount > 10000}", "${amount >= 10000 && !approved}",
			"${not empty applicant and score gt 60}", "${(a + b) * 2 % 3 == 1 or c div 2 ne d mod 3}",
			"${level == 'A' || level eq \"B\"}", "${urgent ? days < 3 : days < 10}", "${3.5e2 < amount}",
			"${amount <= -1.5}", "${authenticatedUserId == applicant}", "${同意}", "${'a}b' == note}",
			"${x != null}", "${approved} ${amount > 1}", "${not (a || b)}", "${empty (x) or !(y)}" })
	void acceptsPlainConditionsOverVariables(String condition) {
		assertNoProblem(condition(condition));
	}

	@ParameterizedTest
	@ValueSource(strings = { "${execution.getProcessEngineServices()}",
			"${execution.processEngineServices.runtimeService}", "${dataSource.connection}",
			"${''.getClass().forName('java.lang.Runtime')}", "${\"\".getClass().forName(\"java.lang.Runtime\")}",
			"${slClock.getClass()}", "#{approved}", "#{execution.processEngine}", "${execution}", "${task}",
			"${processEngine}", "${processEngineServices}", "${dataSource}", "${runtimeService}", "${slClock}",
			"${slEscalations}", "${now()}", "${dateTime().toDate()}", "${fn:escape(x)}", "${approved[0]}",
			"${approved['x']}", "${a.b}", "${approved} ${x.y}", "${approved", "${}", "${a = 1}", "${a; b}",
			"${x instanceof y}", "${S(json).prop('a')}", "${approved}}#{x}", "${a -> a.b}", "${a += 'b'}",
			"${{'a'}}", "${a & b}", "${'unterminated}" })
	void refusesEverythingElseInConditions(String expression) {
		assertError(condition(expression), "EXPRESSION_NOT_ALLOWED", "F4");
	}

	/** The engine joins an element's character data around comments, CDATA and child elements. */
	@ParameterizedTest
	@ValueSource(strings = { "$<!-- -->{dataSource.connection}", "$<![CDATA[{dataSource.connection}]]>",
			"<![CDATA[${dataSource.connection}]]>", "&#36;{dataSource.connection}" })
	void refusesExpressionsSplitAcrossNodes(String text) {
		assertError(validWith(">${approved}<", ">" + text + "<"), "EXPRESSION_NOT_ALLOWED", "F4");
		assertError(acceptExtension("<camunda:inputOutput><camunda:inputParameter name=\"x\">" + text
				+ "<x:y xmlns:x=\"urn:x\"/></camunda:inputParameter></camunda:inputOutput>"), "EXPRESSION_NOT_ALLOWED",
				"Task_Accept");
		assertError(acceptExtension("<camunda:inputOutput><camunda:inputParameter name=\"x\">$<x:y xmlns:x=\"urn:x\"/>"
				+ "{dataSource.connection}</camunda:inputParameter></camunda:inputOutput>"), "EXPRESSION_NOT_ALLOWED",
				"Task_Accept");
	}

	@Test
	void refusesTheLegacyActivitiNamespaceTheEngineStillReads() {
		String activiti = "xmlns:activiti=\"http://activiti.org/bpmn\" ";
		assertError(between("<bpmn:serviceTask id=\"Service\" " + activiti + "activiti:class=\"org.example.Evil\"/>",
				"Service"), "LEGACY_NAMESPACE_NOT_ALLOWED", "Service");
		assertError(acceptExtension("<activiti:executionListener " + activiti + "event=\"start\" class=\"org.example.Evil\"/>"),
				"LEGACY_NAMESPACE_NOT_ALLOWED", "Task_Accept");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${slClock.stepWarnAt(execution, 'Task_Review')}",
			"${slClock.stepDeadline(execution, 'Task_Review')}", "${slClock.caseWarnAt(execution)}",
			"${slClock.caseDeadline( execution )}", "${slEscalations.raiseStep(execution, 'Task_Review', 'YELLOW')}",
			"${slEscalations.raiseStep(execution, \"Task_Review\", \"RED\")}",
			"${slEscalations.raiseCase(execution, 'YELLOW')}", "${slEscalations.raiseCase(execution, 'RED')}" })
	void refusesTheCompilersCallsInModelsAsDrawnButTheEngineRunsThem(String call) {
		// A designer who writes them forges a clock or an alarm; the compiler writes them.
		assertError(listenerOnReview(call), "EXPRESSION_NOT_ALLOWED", "Task_Review");
		assertEngineAccepts(timerOnReview(call));
	}

	@ParameterizedTest
	@ValueSource(strings = { "${slClock.stepWarnAt(execution, task)}", "${slClock.stepWarnAt(execution)}",
			"${slClock.stepWarnAt('Task_Review', execution)}", "${slClock.stepWarnAt(execution, '')}",
			"${slEscalations.raiseStep(execution, 'Task_Review', 'GREEN')}",
			"${slEscalations.raiseCase(execution, 'RED', 'x')}", "${slClock.stepDeadline(execution, 'a'.concat('b'))}",
			"${slClock.caseDeadline(execution.processEngine)}", "${slClock.caseDeadline(execution,)}",
			"${slClock.caseDeadline(execution) + 1}", "${slClock.caseDeadline(execution).time}",
			"${slClock.caseDeadline(processEngine)}", "${slClock.deleteEverything(execution)}",
			"${slEscalations.raiseCase(execution, 'RED').getClass()}", "${clock.caseDeadline(execution)}",
			"#{slClock.caseDeadline(execution)}" })
	void refusesCallsOffTheAllowList(String call) {
		assertError(timerOnReview(call), "EXPRESSION_NOT_ALLOWED", "Timer_Review");
		assertEngineRefuses(timerOnReview(call), "EXPRESSION_NOT_ALLOWED", "Timer_Review");
	}

	@Test
	void refusesExpressionsInAssigneesAndCandidateGroups() {
		assertError(validWith("camunda:assignee=\"director\"", "camunda:assignee=\"${execution.getVariable('x')}\""),
				"EXPRESSION_NOT_ALLOWED", "Task_Decide");
		assertError(validWith("camunda:candidateGroups=\"land-reviewer, land-expert\"",
				"camunda:candidateGroups=\"${dataSource.connection}\""), "EXPRESSION_NOT_ALLOWED", "Task_Review");
		assertNoProblem(validWith("camunda:assignee=\"director\"", "camunda:assignee=\"${director}\""));
	}

	@Test
	void refusesExpressionsInInputOutputListenersAndFormDefaults() {
		assertError(acceptExtension("<camunda:inputOutput><camunda:inputParameter name=\"x\">"
				+ "${runtimeService.createProcessInstanceQuery().list()}</camunda:inputParameter></camunda:inputOutput>"),
				"EXPRESSION_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension(
				"<camunda:executionListener event=\"start\" expression=\"${execution.setVariable('a', 1)}\"/>"),
				"EXPRESSION_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension("<camunda:taskListener event=\"create\" expression=\"${task.delete()}\"/>"),
				"EXPRESSION_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension("<camunda:formData><camunda:formField id=\"note\" type=\"string\" "
				+ "defaultValue=\"${processEngine.name}\"/></camunda:formData>"), "EXPRESSION_NOT_ALLOWED", "Task_Accept");
	}

	@Test
	void refusesExpressionsInMessageNamesAtTheTopLevel() {
		String xml = validWith("</bpmn:process>",
				"</bpmn:process>\n  <bpmn:message id=\"Message_1\" name=\"${dataSource.connection}\"/>");
		assertError(xml, "EXPRESSION_NOT_ALLOWED", "Message_1");
	}

	/** Camunda 7.24 makes a user task's documentation the task's description expression. */
	@Test
	void refusesExpressionsInAUserTasksDocumentation() {
		String hostile = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch x')}";
		String xml = reviewDocumented("审查要点 " + hostile);
		assertError(xml, "EXPRESSION_NOT_ALLOWED", "Task_Review");
		assertEngineRefuses(xml, "EXPRESSION_NOT_ALLOWED", "Task_Review");
		assertNoProblem(reviewDocumented("申请人 ${applicantName} 的材料"));
	}

	private static String reviewDocumented(String documentation) {
		return validWith("<bpmn:userTask id=\"Task_Review\" name=\"审查\" camunda:candidateGroups=\"land-reviewer, land-expert\">",
				"<bpmn:userTask id=\"Task_Review\" name=\"审查\" camunda:candidateGroups=\"land-reviewer, land-expert\">"
						+ "<bpmn:documentation>" + documentation + "</bpmn:documentation>");
	}

	@Test
	void doesNotEvaluateDocumentationOrTheExtensionItself() {
		assertNoProblem(validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
				"<bpmn:startEvent id=\"Start\" name=\"申请\"><bpmn:documentation>${a.b()}</bpmn:documentation></bpmn:startEvent>"));
		assertNoProblem(validWith("description=\"拖延审查\"", "description=\"拖延 ${a.b()}\""));
	}

	@Test
	void refusesScriptTasks() {
		assertError(between("<bpmn:scriptTask id=\"Script\" scriptFormat=\"groovy\"><bpmn:script>"
				+ "'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>", "Script"), "SCRIPT_TASK_NOT_ALLOWED", "Script");
	}

	@Test
	void refusesScriptsInListenersInputOutputAndConditions() {
		assertError(acceptExtension("<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">"
				+ "System.exit(0)</camunda:script></camunda:executionListener>"), "SCRIPT_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension("<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script "
				+ "scriptFormat=\"javascript\">java.lang.Runtime.getRuntime()</camunda:script></camunda:inputParameter>"
				+ "</camunda:inputOutput>"), "SCRIPT_NOT_ALLOWED", "Task_Accept");
		String approved = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">${approved}";
		assertError(validWith(approved, "language=\"groovy\" " + approved.replace("${approved}", "approved")),
				"SCRIPT_NOT_ALLOWED", "F4");
		assertError(validWith(approved, "camunda:resource=\"deployment://x.groovy\" " + approved.replace("${approved}", "")),
				"SCRIPT_NOT_ALLOWED", "F4");
	}

	@Test
	void refusesJavaClassesAnywhere() {
		assertError(between("<bpmn:serviceTask id=\"Service\" camunda:class=\"org.example.Evil\"/>", "Service"),
				"CLASS_NOT_ALLOWED", "Service");
		assertError(acceptExtension("<camunda:executionListener event=\"start\" class=\"org.example.Evil\"/>"),
				"CLASS_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension("<camunda:taskListener event=\"create\" class=\"org.example.Evil\"/>"),
				"CLASS_NOT_ALLOWED", "Task_Accept");
		assertError(acceptExtension("<camunda:formData><camunda:formField id=\"note\" type=\"string\"><camunda:validation>"
				+ "<camunda:constraint name=\"validator\" config=\"org.example.Evil\"/></camunda:validation>"
				+ "</camunda:formField></camunda:formData>"), "CLASS_NOT_ALLOWED", "Task_Accept");
		assertNoProblem(acceptExtension("<camunda:formData><camunda:formField id=\"note\" type=\"string\"><camunda:validation>"
				+ "<camunda:constraint name=\"required\"/></camunda:validation></camunda:formField></camunda:formData>"));
	}

	@Test
	void refusesDelegateExpressions() {
		assertError(between("<bpmn:serviceTask id=\"Service\" camunda:delegateExpression=\"${mailer}\"/>", "Service"),
				"DELEGATE_EXPRESSION_NOT_ALLOWED", "Service");
		assertError(acceptExtension("<camunda:taskListener event=\"create\" delegateExpression=\"${auditor}\"/>"),
				"DELEGATE_EXPRESSION_NOT_ALLOWED", "Task_Accept");
	}

	@Test
	void refusesConnectors() {
		assertError(between("<bpmn:serviceTask id=\"Service\"><bpmn:extensionElements><camunda:connector>"
				+ "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
				+ "</bpmn:serviceTask>", "Service"), "CONNECTOR_NOT_ALLOWED", "Service");
	}

	@Test
	void allowsServiceTaskExpressionsOnlyFromTheAllowList() {
		assertError(between("<bpmn:serviceTask id=\"Service\" camunda:expression=\"${runtimeService.deleteProcessInstance('x', 'y')}\"/>",
				"Service"), "EXPRESSION_NOT_ALLOWED", "Service");
		String compilerCall = between("<bpmn:serviceTask id=\"Service\" "
				+ "camunda:expression=\"${slEscalations.raiseCase(execution, 'RED')}\"/>", "Service");
		assertError(compilerCall, "EXPRESSION_NOT_ALLOWED", "Service");
		assertEngineAccepts(compilerCall);
	}

	@Test
	void refusesServiceTasksWithoutAnImplementationThatCanRun() {
		assertError(between("<bpmn:serviceTask id=\"Service\"/>", "Service"), "TASK_WITHOUT_IMPLEMENTATION", "Service");
		assertError(between("<bpmn:sendTask id=\"Send\" camunda:type=\"mail\"/>", "Send"), "TASK_WITHOUT_IMPLEMENTATION",
				"Send");
	}

	@Test
	void allowsExternalTasksButWarnsThatAWorkerMustDoThem() {
		assertWarning(between("<bpmn:serviceTask id=\"Service\" camunda:type=\"external\" camunda:topic=\"archive\"/>",
				"Service"), "EXTERNAL_TASK", "Service");
	}

	@Test
	void refusesCallActivitiesDecisionsAndImports() {
		assertError(between("<bpmn:callActivity id=\"Call\" calledElement=\"other_process\"/>", "Call"),
				"CALL_ACTIVITY_NOT_ALLOWED", "Call");
		assertError(between("<bpmn:businessRuleTask id=\"Rule\" camunda:decisionRef=\"discount\"/>", "Rule"),
				"DECISION_NOT_ALLOWED", "Rule");
		assertError(validWith("<bpmn:process ", "<bpmn:import importType=\"http://schemas.xmlsoap.org/wsdl/\" "
				+ "location=\"http://127.0.0.1:1/x.wsdl\" namespace=\"urn:x\"/>\n  <bpmn:process "), "IMPORT_NOT_ALLOWED",
				"Defs");
	}

	@Test
	void namesTheElementAndTheExpressionInTheMessage() {
		ValidationReport report = validate(condition("${dataSource.connection}"));
		assertThat(report.errors()).extracting(Problem::message)
			.containsExactly("F4: the expression ${dataSource.connection} is not allowed; use only process variables, "
					+ "literals and operators (no method calls, no property access, no engine objects or beans).");
	}

	static String condition(String expression) {
		return validWith(">${approved}<", ">" + expression.replace("&", "&amp;").replace("<", "&lt;") + "<");
	}

	private static String timerOnReview(String expression) {
		return validPlus("""
				    <bpmn:boundaryEvent id="Timer_Review" cancelActivity="false" attachedToRef="Task_Review">
				      <bpmn:timerEventDefinition id="Timer_Review_Definition">
				        <bpmn:timeDate id="Timer_Review_Date">%s</bpmn:timeDate>
				      </bpmn:timerEventDefinition>
				    </bpmn:boundaryEvent>
				    <bpmn:sequenceFlow id="Timer_Review_Flow" sourceRef="Timer_Review" targetRef="Timer_Review_End"/>
				    <bpmn:endEvent id="Timer_Review_End"/>""".formatted(expression.replace("&", "&amp;")));
	}

	private static String listenerOnReview(String expression) {
		return validWith("</sl:step>\n      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F3\"",
				"</sl:step>\n<camunda:executionListener event=\"start\" expression=\"" + expression.replace("\"", "&quot;")
						+ "\"/>\n      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F3\"");
	}

	/** Adds to the extension elements of Task_Accept. */
	private static String acceptExtension(String content) {
		return validWith(ACCEPT_STEP_END, "</sl:step>\n" + content + "\n      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F2\"");
	}

	/** Puts an activity between Task_Decide and End_Approved. */
	static String between(String activity, String id) {
		return validWith(LAST_FLOW, "<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Task_Decide\" targetRef=\"" + id + "\"/>\n"
				+ activity + "\n<bpmn:sequenceFlow id=\"F7\" sourceRef=\"" + id + "\" targetRef=\"End_Approved\"/>");
	}

}
