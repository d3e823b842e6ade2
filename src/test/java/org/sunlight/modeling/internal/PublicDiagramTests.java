package org.sunlight.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.support.Models;

/**
 * The public flowchart keeps shapes, names, flows and layout and nothing else: people can hide in
 * camunda: attributes, in BPMN's own resource roles, in other vendors' namespaces and in comments.
 */
class PublicDiagramTests {

	static final String PEOPLE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<!-- drawn by wangwu -->
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:sl="urn:sunlight:bpmn:1.0"
			    xmlns:acme="urn:acme:people" id="Defs" targetNamespace="urn:test" acme:owner="zhaoliu">
			  <bpmn:process id="p" name="某事项" isExecutable="true" camunda:historyTimeToLive="30">
			    <bpmn:startEvent id="Start" name="申请"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task"/>
			    <bpmn:userTask id="Task" name="审批" camunda:assignee="zhangsan" camunda:candidateUsers="lisi">
			      <bpmn:documentation>依法审查</bpmn:documentation>
			      <bpmn:extensionElements><sl:step timeLimit="P1D" supervisor="user:qianqi"/></bpmn:extensionElements>
			      <bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
			        <bpmn:formalExpression>user(sunba)</bpmn:formalExpression>
			      </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
			      <acme:reviewer>zhoujiu</acme:reviewer>
			    </bpmn:userTask>
			    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End">
			      <bpmn:conditionExpression>${initiator == 'wushi'}</bpmn:conditionExpression>
			    </bpmn:sequenceFlow>
			    <bpmn:endEvent id="End" name="办结"/>
			  </bpmn:process>
			  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Pl" bpmnElement="p">
			    <bpmndi:BPMNShape id="Task_di" bpmnElement="Task"><dc:Bounds x="100" y="80" width="100" height="80"/></bpmndi:BPMNShape>
			  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
			</bpmn:definitions>
			""";

	@Test
	void noPersonLeftInAnyHidingPlace() {
		String diagram = PublicDiagram.of(PEOPLE.strip());
		assertThat(diagram).doesNotContain("wangwu", "zhaoliu", "zhangsan", "lisi", "qianqi", "sunba", "zhoujiu",
				"wushi", "camunda", "acme", "urn:sunlight:bpmn", "extensionElements", "potentialOwner", "<!--");
		assertThat(diagram).contains("name=\"审批\"", "<bpmn:documentation>依法审查</bpmn:documentation>",
				"<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Task\" targetRef=\"End\"", "<dc:Bounds", "bpmnElement=\"Task\"",
				"targetNamespace=\"urn:test\"");
		// What it writes is again a model SafeXml reads.
		assertThat(SafeXml.parseBpmn(diagram.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
	}

	@Test
	void aSampleKeepsEveryShapeAndFlow() {
		String source = Models.text("api/portal-assigned-power.bpmn");
		String diagram = PublicDiagram.of(source);
		assertThat(count(diagram, "<bpmndi:BPMNShape")).isEqualTo(count(source, "<bpmndi:BPMNShape"));
		assertThat(count(diagram, "<bpmndi:BPMNEdge")).isEqualTo(count(source, "<bpmndi:BPMNEdge"));
		assertThat(count(diagram, "<bpmn:sequenceFlow")).isEqualTo(count(source, "<bpmn:sequenceFlow"));
		assertThat(diagram).doesNotContain("camunda:", "sl:", "wangxiaoming", "zhaoliuliu");
	}

	@Test
	void hostileXmlIsRefusedAsEverywhere() {
		assertThatThrownBy(() -> PublicDiagram.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
			.isInstanceOf(ModelRejectedException.class);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
