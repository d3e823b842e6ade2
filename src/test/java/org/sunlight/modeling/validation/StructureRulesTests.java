package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.assertNoProblem;
import static org.sunlight.modeling.validation.Validation.assertWarning;
import static org.sunlight.modeling.validation.Validation.edit;
import static org.sunlight.modeling.validation.Validation.validPlus;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import org.junit.jupiter.api.Test;
import org.sunlight.modeling.Problem;

/** Reachability, a way to the end, and whether the steps fit into the case limit. */
class StructureRulesTests {

	private static final String PROCESS = "land_use_approval";
	private static final String STEP = "<bpmn:extensionElements><sl:step timeLimit=\"P1D\" supervisor=\"user:inspector\"/></bpmn:extensionElements>";

	@Test
	void refusesAnElementNoPathReaches() {
		String xml = validPlus("<bpmn:userTask id=\"Task_Orphan\" name=\"孤立\" camunda:assignee=\"x\">" + STEP
				+ "</bpmn:userTask><bpmn:sequenceFlow id=\"F9\" sourceRef=\"Task_Orphan\" targetRef=\"End_Approved\"/>");
		assertError(xml, "UNREACHABLE_ELEMENT", "Task_Orphan");
		assertThat(validate(xml).problems()).extracting(Problem::elementId).doesNotContain("End_Approved");
	}

	@Test
	void refusesADesignersIdInTheCompilersReservedPrefix() {
		String xml = validPlus("<bpmn:intermediateThrowEvent id=\"SL_Notice\" name=\"公示\"/>");
		assertError(xml, "RESERVED_ID", "SL_Notice");
		String task = validWith("id=\"Task_Review\"", "id=\"SL_Yellow_Review\"")
			.replace("targetRef=\"Task_Review\"", "targetRef=\"SL_Yellow_Review\"")
			.replace("sourceRef=\"Task_Review\"", "sourceRef=\"SL_Yellow_Review\"");
		assertError(task, "RESERVED_ID", "SL_Yellow_Review");
	}

	@Test
	void refusesAProcessWithoutStartEvent() {
		String xml = validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>", "")
			.replace("<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Task_Accept\"/>", "");
		assertError(xml, "NO_START_EVENT", PROCESS);
	}

	@Test
	void refusesAProcessThatCannotReachAnEnd() {
		String xml = validWith("sourceRef=\"Task_Decide\" targetRef=\"End_Approved\"",
				"sourceRef=\"Task_Decide\" targetRef=\"Task_Review\"")
			.replace("targetRef=\"End_Rejected\"", "targetRef=\"Task_Accept\"");
		assertError(xml, "NO_PATH_TO_END", PROCESS);
		assertError(xml, "UNREACHABLE_ELEMENT", "End_Approved");
	}

	@Test
	void checksReachabilityInsideSubProcesses() {
		String xml = validWith("<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Task_Decide\" targetRef=\"End_Approved\"/>", """
				<bpmn:sequenceFlow id="F6" sourceRef="Task_Decide" targetRef="Sub"/>
				<bpmn:subProcess id="Sub">
				  <bpmn:startEvent id="Sub_Start"/>
				  <bpmn:sequenceFlow id="Sub_F1" sourceRef="Sub_Start" targetRef="Sub_End"/>
				  <bpmn:endEvent id="Sub_End"/>
				  <bpmn:intermediateThrowEvent id="Sub_Orphan"/>
				</bpmn:subProcess>
				<bpmn:sequenceFlow id="F7" sourceRef="Sub" targetRef="End_Approved"/>""");
		assertError(xml, "UNREACHABLE_ELEMENT", "Sub_Orphan");
		assertThat(validate(xml).errors()).hasSize(1);
	}

	@Test
	void followsLinkEvents() {
		assertNoProblem(validWith("<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Task_Decide\" targetRef=\"End_Approved\"/>", """
				<bpmn:sequenceFlow id="F6" sourceRef="Task_Decide" targetRef="Link_Out"/>
				<bpmn:intermediateThrowEvent id="Link_Out"><bpmn:linkEventDefinition id="L1" name="archive"/></bpmn:intermediateThrowEvent>
				<bpmn:intermediateCatchEvent id="Link_In"><bpmn:linkEventDefinition id="L2" name="archive"/></bpmn:intermediateCatchEvent>
				<bpmn:sequenceFlow id="F7" sourceRef="Link_In" targetRef="End_Approved"/>"""));
	}

	@Test
	void acceptsEventSubProcessesBoundaryEventsAndCompensationHandlers() {
		assertNoProblem(validPlus("""
				<bpmn:boundaryEvent id="Review_Cancelled" attachedToRef="Task_Review">
				  <bpmn:messageEventDefinition id="Review_Cancelled_Def" messageRef="Msg_Withdraw"/>
				</bpmn:boundaryEvent>
				<bpmn:sequenceFlow id="F_Withdrawn" sourceRef="Review_Cancelled" targetRef="End_Withdrawn"/>
				<bpmn:endEvent id="End_Withdrawn"/>
				<bpmn:manualTask id="Undo" isForCompensation="true"/>
				<bpmn:subProcess id="On_Complaint" triggeredByEvent="true">
				  <bpmn:startEvent id="Complaint_Start" isInterrupting="false">
				    <bpmn:messageEventDefinition id="Complaint_Def" messageRef="Msg_Withdraw"/>
				  </bpmn:startEvent>
				  <bpmn:sequenceFlow id="Complaint_F1" sourceRef="Complaint_Start" targetRef="Complaint_End"/>
				  <bpmn:endEvent id="Complaint_End"/>
				</bpmn:subProcess>""").replace("</bpmn:process>",
				"</bpmn:process>\n  <bpmn:message id=\"Msg_Withdraw\" name=\"withdraw\"/>"));
	}

	@Test
	void warnsWhenTheStepsOfTheLongestPathExceedTheCaseLimit() {
		String xml = validWith("timeLimit=\"P3D\"", "timeLimit=\"P8D\"");
		assertWarning(xml, "STEP_LIMITS_EXCEED_CASE_LIMIT", PROCESS);
		assertThat(validate(xml).warnings()).extracting(Problem::message)
			.anyMatch(message -> message.contains("P11D") && message.contains("P10D"));
		assertNoProblem(validWith("timeLimit=\"P3D\"", "timeLimit=\"P7D\""));
	}

	@Test
	void usesTheStatutoryLimitWhenNothingIsPromised() {
		String xml = validWith("timeLimit=\"P3D\"", "timeLimit=\"P8D\"").replace("promisedLimit=\"P10D\" ", "");
		assertNoProblem(xml);
	}

	@Test
	void countsALoopOnceAndOnlyTheLongerBranch() {
		String xml = validWith("<bpmn:sequenceFlow id=\"F5\"", """
				<bpmn:sequenceFlow id="F_Rework" sourceRef="Gateway_Approved" targetRef="Task_Accept">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${rework}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:sequenceFlow id="F5\"""");
		assertNoProblem(xml);
		assertWarning(edit(xml, "timeLimit=\"P3D\"", "timeLimit=\"P8D\""), "STEP_LIMITS_EXCEED_CASE_LIMIT", PROCESS);
	}

	@Test
	void countsTheStepsInsideASubProcess() {
		String xml = validWith("<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Task_Decide\" targetRef=\"End_Approved\"/>", """
				<bpmn:sequenceFlow id="F6" sourceRef="Task_Decide" targetRef="Sub"/>
				<bpmn:subProcess id="Sub">
				  <bpmn:startEvent id="Sub_Start"/>
				  <bpmn:sequenceFlow id="Sub_F1" sourceRef="Sub_Start" targetRef="Sub_Task"/>
				  <bpmn:userTask id="Sub_Task" camunda:assignee="clerk">
				    <bpmn:extensionElements><sl:step timeLimit="P5D" supervisor="user:inspector"/></bpmn:extensionElements>
				  </bpmn:userTask>
				  <bpmn:sequenceFlow id="Sub_F2" sourceRef="Sub_Task" targetRef="Sub_End"/>
				  <bpmn:endEvent id="Sub_End"/>
				</bpmn:subProcess>
				<bpmn:sequenceFlow id="F7" sourceRef="Sub" targetRef="End_Approved"/>""");
		assertWarning(xml, "STEP_LIMITS_EXCEED_CASE_LIMIT", PROCESS);
	}

	@Test
	void requiresAProcess() {
		assertError("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"Defs\" "
				+ "targetNamespace=\"urn:x\"><bpmn:message id=\"M\" name=\"m\"/></bpmn:definitions>", "NO_PROCESS", "Defs");
	}

	@Test
	void requiresAnExecutableProcess() {
		assertError(validWith("isExecutable=\"true\"", "isExecutable=\"false\""), "NO_EXECUTABLE_PROCESS", PROCESS);
	}

	@Test
	void refusesASecondExecutableProcessButToleratesNonExecutableOnes() {
		String second = "</bpmn:process>\n  <bpmn:process id=\"other\" isExecutable=\"%s\"><bpmn:startEvent id=\"S2\"/>"
				+ "</bpmn:process>";
		String xml = validWith("</bpmn:process>", second.formatted("true"));
		assertError(xml, "MULTIPLE_EXECUTABLE_PROCESSES", PROCESS);
		assertError(xml, "MULTIPLE_EXECUTABLE_PROCESSES", "other");
		assertNoProblem(validWith("</bpmn:process>", second.formatted("false")));
	}

}
