package org.sunlight.modeling.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.support.Models;

class SupervisionCompilerTests {

	static final String HYGIENE = "compiler/public-place-hygiene-permit.bpmn";
	static final String NO_DIAGRAM = "compiler/business-license-without-diagram.bpmn";
	static final String DEFAULT_NAMESPACE = "compiler/default-namespace.bpmn";

	/** Task_Deliver is marked {@code sl:unsupervised}; two steps sit in an embedded sub-process. */
	static final List<String> SUPERVISED = List.of("Task_Accept", "Task_DocumentReview", "Task_SiteInspection",
			"Task_Decide");

	static Stream<String> fixtures() {
		return Stream.of(HYGIENE, NO_DIAGRAM, DEFAULT_NAMESPACE, "api/seal-engraving-permit.bpmn");
	}

	final SupervisionCompiler compiler = new SupervisionCompiler();

	@Test
	void addsANonInterruptingYellowAndRedBoundaryEventToEverySupervisedStep() {
		Compiled compiled = Compiled.of(HYGIENE);

		for (String step : SUPERVISED) {
			UserTask task = compiled.element(step);
			BoundaryEvent yellow = compiled.element("SL_Yellow_" + step);
			BoundaryEvent red = compiled.element("SL_Red_" + step);
			for (BoundaryEvent event : List.of(yellow, red)) {
				assertThat(event.getAttachedTo()).isSameAs(task);
				assertThat(event.cancelActivity()).isFalse();
				assertThat(event.getParentElement()).as("in the task's own container").isSameAs(task.getParentElement());
			}
			assertThat(yellow.getName()).isEqualTo("黄色预警");
			assertThat(red.getName()).isEqualTo("红色警告");
		}
		assertThat(compiled.all(BoundaryEvent.class)).extracting(e -> e.getAttachedTo().getId())
			.containsOnly(SUPERVISED.toArray(String[]::new))
			.hasSize(2 * SUPERVISED.size());
	}

	@Test
	void leavesUnsupervisedStepsWithoutClocks() {
		Compiled compiled = Compiled.of(HYGIENE);

		assertThat(compiled.all(BoundaryEvent.class)).noneMatch(e -> e.getAttachedTo().getId().equals("Task_Deliver"));
		assertThat(compiled.text()).doesNotContain("_Task_Deliver");
	}

	@Test
	void asksTheClockBeanForEveryStepTimerDate() {
		Compiled compiled = Compiled.of(HYGIENE);

		for (String step : SUPERVISED) {
			assertThat(timeDate(compiled.element("SL_Yellow_" + step)))
				.isEqualTo("${slClock.stepWarnAt(execution, '" + step + "')}");
			assertThat(timeDate(compiled.element("SL_Red_" + step)))
				.isEqualTo("${slClock.stepDeadline(execution, '" + step + "')}");
			assertThat(timer(compiled.element("SL_Yellow_" + step)).getId()).isEqualTo("SL_YellowTimer_" + step);
			assertThat(timer(compiled.element("SL_Red_" + step)).getId()).isEqualTo("SL_RedTimer_" + step);
		}
		assertThat(compiled.text()).contains("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">"
				+ "${slClock.stepWarnAt(execution, 'Task_Accept')}</bpmn:timeDate>");
	}

	@Test
	void leadsEveryStepTimerToAnEndEventThatRaisesTheStepEscalation() {
		Compiled compiled = Compiled.of(HYGIENE);

		for (String step : SUPERVISED) {
			for (String level : List.of("Yellow", "Red")) {
				BoundaryEvent event = compiled.element("SL_" + level + "_" + step);
				SequenceFlow flow = compiled.element("SL_Flow_" + level + "_" + step);
				EndEvent end = compiled.element("SL_" + level + "End_" + step);
				assertThat(flow.getSource()).isSameAs(event);
				assertThat(flow.getTarget()).isSameAs(end);
				assertThat(event.getOutgoing()).containsExactly(flow);
				assertThat(end.getIncoming()).containsExactly(flow);
				assertThat(end.getParentElement()).isSameAs(event.getParentElement());
				assertThat(listeners(end)).singleElement().satisfies(listener -> {
					assertThat(listener.getCamundaEvent()).isEqualTo("start");
					assertThat(listener.getCamundaExpression()).isEqualTo(
							"${slEscalations.raiseStep(execution, '" + step + "', '" + level.toUpperCase() + "')}");
				});
			}
		}
	}

	@Test
	void addsTheCasePairAsNonInterruptingTimerEventSubprocesses() {
		Compiled compiled = Compiled.of(HYGIENE);
		Process process = compiled.element("public_place_hygiene_permit");

		SubProcess yellow = compiled.element("SL_CaseYellow");
		SubProcess red = compiled.element("SL_CaseRed");
		assertThat(yellow.getName()).isEqualTo("办件黄色预警");
		assertThat(red.getName()).isEqualTo("办件红色警告");
		for (String level : List.of("Yellow", "Red")) {
			SubProcess subProcess = compiled.element("SL_Case" + level);
			StartEvent start = compiled.element("SL_Case" + level + "Start");
			SequenceFlow flow = compiled.element("SL_Flow_Case" + level);
			EndEvent end = compiled.element("SL_Case" + level + "End");
			assertThat(subProcess.triggeredByEvent()).isTrue();
			assertThat(subProcess.getParentElement()).isSameAs(process);
			assertThat(subProcess.getFlowElements()).containsExactlyInAnyOrder(start, flow, end);
			assertThat(start.isInterrupting()).isFalse();
			assertThat(timer(start).getId()).isEqualTo("SL_Case" + level + "Timer");
			assertThat(flow.getSource()).isSameAs(start);
			assertThat(flow.getTarget()).isSameAs(end);
			assertThat(listeners(end)).singleElement().satisfies(listener -> {
				assertThat(listener.getCamundaEvent()).isEqualTo("start");
				assertThat(listener.getCamundaExpression())
					.isEqualTo("${slEscalations.raiseCase(execution, '" + level.toUpperCase() + "')}");
			});
		}
		assertThat(timeDate(compiled.element("SL_CaseYellowStart"))).isEqualTo("${slClock.caseWarnAt(execution)}");
		assertThat(timeDate(compiled.element("SL_CaseRedStart"))).isEqualTo("${slClock.caseDeadline(execution)}");
	}

	@Test
	void drawsEveryAddedFlowNodeAndFlow() {
		Compiled compiled = Compiled.of(HYGIENE);

		List<FlowNode> nodes = compiled.generated(FlowNode.class);
		List<SequenceFlow> flows = compiled.generated(SequenceFlow.class);
		assertThat(nodes).hasSize(4 * 4 + 2 * 3);
		assertThat(flows).hasSize(4 * 2 + 2);
		for (FlowNode node : nodes) {
			BpmnShape shape = compiled.shapeOf(node.getId());
			assertThat(shape.getId()).isEqualTo(node.getId() + "_di");
			assertThat(shape.getBounds()).isNotNull();
		}
		for (SequenceFlow flow : flows) {
			BpmnEdge edge = compiled.edgeOf(flow.getId());
			assertThat(edge.getId()).isEqualTo(flow.getId() + "_di");
			assertThat(edge.getWaypoints()).hasSizeGreaterThanOrEqualTo(2);
		}
		assertThat(compiled.shapeOf("SL_CaseYellow").isExpanded()).isTrue();
		assertThat(compiled.shapeOf("SL_CaseRed").isExpanded()).isTrue();
	}

	@Test
	void placesStepClocksOnTheBottomEdgeOfTheTaskWithTheirEndEventsBelow() {
		Compiled compiled = Compiled.of(HYGIENE);

		for (String step : SUPERVISED) {
			Bounds task = compiled.shapeOf(step).getBounds();
			double bottom = task.getY() + task.getHeight();
			Bounds yellow = compiled.shapeOf("SL_Yellow_" + step).getBounds();
			Bounds red = compiled.shapeOf("SL_Red_" + step).getBounds();
			assertThat(centreX(yellow)).isEqualTo(Math.round(task.getX() + task.getWidth() / 3));
			assertThat(centreX(red)).isEqualTo(Math.round(task.getX() + task.getWidth() * 2 / 3));
			for (Bounds event : List.of(yellow, red)) {
				assertThat(event.getWidth()).isEqualTo(36);
				assertThat(event.getHeight()).isEqualTo(36);
				assertThat(event.getY() + 18).isEqualTo(bottom);
			}
			Bounds yellowEnd = compiled.shapeOf("SL_YellowEnd_" + step).getBounds();
			Bounds redEnd = compiled.shapeOf("SL_RedEnd_" + step).getBounds();
			assertThat(yellowEnd.getX() + yellowEnd.getWidth()).as("end events do not touch").isLessThan(redEnd.getX());
			for (String level : List.of("Yellow", "Red")) {
				Bounds event = compiled.shapeOf("SL_" + level + "_" + step).getBounds();
				Bounds end = compiled.shapeOf("SL_" + level + "End_" + step).getBounds();
				assertThat(end.getY()).isGreaterThan(event.getY() + event.getHeight());
				List<Waypoint> waypoints = List.copyOf(compiled.edgeOf("SL_Flow_" + level + "_" + step).getWaypoints());
				assertThat(waypoints.get(0)).extracting(Waypoint::getX, Waypoint::getY)
					.containsExactly(centreX(event), event.getY() + 36);
				assertThat(waypoints.get(waypoints.size() - 1)).extracting(Waypoint::getX, Waypoint::getY)
					.containsExactly(centreX(end), end.getY());
			}
		}
	}

	@Test
	void placesTheCaseClocksSideBySideBelowTheWholeDiagram() {
		Compiled compiled = Compiled.of(HYGIENE);

		double lowest = compiled.all(Bounds.class).stream()
			.filter(b -> !((BpmnShape) shapeOwning(b)).getBpmnElement().getId().startsWith("SL_Case"))
			.mapToDouble(b -> b.getY() + b.getHeight())
			.max()
			.orElseThrow();
		Bounds yellow = compiled.shapeOf("SL_CaseYellow").getBounds();
		Bounds red = compiled.shapeOf("SL_CaseRed").getBounds();
		assertThat(yellow.getY()).isGreaterThan(lowest);
		assertThat(red.getY()).isEqualTo(yellow.getY());
		assertThat(red.getX()).isGreaterThan(yellow.getX() + yellow.getWidth());
		for (String level : List.of("Yellow", "Red")) {
			Bounds area = compiled.shapeOf("SL_Case" + level).getBounds();
			for (String inner : List.of("Start", "End")) {
				Bounds event = compiled.shapeOf("SL_Case" + level + inner).getBounds();
				assertThat(event.getX()).isBetween(area.getX(), area.getX() + area.getWidth() - event.getWidth());
				assertThat(event.getY()).isBetween(area.getY(), area.getY() + area.getHeight() - event.getHeight());
			}
		}
	}

	@Test
	void coloursYellowClocksYellowAndRedClocksRed() {
		Compiled compiled = Compiled.of(HYGIENE);

		for (BpmnShape shape : compiled.all(BpmnShape.class)) {
			String element = shape.getBpmnElement().getId();
			if (element.startsWith("SL_")) {
				boolean yellow = element.contains("Yellow");
				assertThat(shape.getAttributeValueNs(Compiled.BIOC, "stroke")).isEqualTo(yellow ? "#d4a106" : "#cc2b2b");
				assertThat(shape.getAttributeValueNs(Compiled.BIOC, "fill")).isEqualTo(yellow ? "#fff7d6" : "#fde8e8");
				assertThat(shape.getAttributeValueNs(Compiled.COLOR, "border-color"))
					.isEqualTo(yellow ? "#d4a106" : "#cc2b2b");
				assertThat(shape.getAttributeValueNs(Compiled.COLOR, "background-color"))
					.isEqualTo(yellow ? "#fff7d6" : "#fde8e8");
			}
			else {
				assertThat(shape.getAttributeValueNs(Compiled.BIOC, "stroke")).isNull();
			}
		}
		assertThat(compiled.edgeOf("SL_Flow_Red_Task_Accept").getAttributeValueNs(Compiled.BIOC, "stroke"))
			.isEqualTo("#cc2b2b");
		assertThat(compiled.text()).contains("xmlns:bioc=\"" + Compiled.BIOC + "\"", "xmlns:color=\"" + Compiled.COLOR + "\"");
	}

	@Test
	void drawsNothingWhenTheSourceHasNoDiagram() {
		Compiled compiled = Compiled.of(NO_DIAGRAM);

		assertThat(compiled.generated(BoundaryEvent.class)).hasSize(4);
		assertThat(compiled.all(BpmnDiagram.class)).isEmpty();
		assertThat(compiled.text()).doesNotContain("bpmndi", "bioc", "color:");
	}

	@Test
	void usesThePrefixesOfTheSourceAndDeclaresMissingNamespaces() {
		Compiled compiled = Compiled.of(DEFAULT_NAMESPACE);

		assertThat(compiled.text())
			.contains("<boundaryEvent id=\"SL_Yellow_Task_Lookup\"")
			.contains("<timeDate xsi:type=\"tFormalExpression\">")
			.contains("<omgdc:Bounds ")
			.contains("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"")
			.contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
			.contains("xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\"");
		assertThat(compiled.shapeOf("SL_Red_Task_Lookup").getBounds().getX()).isEqualTo(Math.round(180.5 + 200.0 / 3) - 18);
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void compilesTheSameSourceToTheSameBytes(String fixture) {
		byte[] source = Models.bytes(fixture);

		assertThat(compiler.compile(source)).isEqualTo(compiler.compile(source.clone()));
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void changesNothingWhenCompilingCompiledOutput(String fixture) {
		byte[] once = compiler.compile(Models.bytes(fixture));

		byte[] twice = compiler.compile(once);

		assertThat(new String(twice, StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
		assertThat(twice).isEqualTo(once);
	}

	@Test
	void replacesStaleGeneratedElements() {
		byte[] once = compiler.compile(Models.bytes(HYGIENE));
		String tampered = new String(once, StandardCharsets.UTF_8)
			.replace("stepWarnAt(execution, 'Task_Accept')", "stepDeadline(execution, 'Task_Accept')")
			.replace("name=\"办件黄色预警\"", "name=\"改过的名称\"")
			.replaceFirst("bioc:stroke=\"#d4a106\"", "bioc:stroke=\"#000000\"");

		assertThat(compiler.compile(tampered.getBytes(StandardCharsets.UTF_8))).isEqualTo(once);
	}

	@Test
	void refusesATaskIdThatWouldEndTheStringOfAnExpression() {
		byte[] hostile = Models.text(NO_DIAGRAM)
			.replace("id=\"Task_Review\"", "id=\"Task_Review') + slEscalations.evil('\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThatIllegalArgumentException().isThrownBy(() -> compiler.compile(hostile)).withMessageContaining("NCName");
	}

	@Test
	void leavesItsInputUntouched() {
		byte[] source = Models.bytes(HYGIENE);
		byte[] copy = source.clone();

		compiler.compile(source);

		assertThat(source).isEqualTo(copy);
	}

	@Test
	void keepsADesignersHistoryTimeToLive() {
		Process process = Compiled.of(NO_DIAGRAM).element("business_license_registration");

		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
	}

	@Test
	void suppliesTenYearsOfHistoryWhenTheDesignerSetNone() {
		Process process = Compiled.of(HYGIENE).element("public_place_hygiene_permit");

		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
	}

	@Test
	void makesThePowersProcessExecutable() {
		Process process = Compiled.of(NO_DIAGRAM).element("business_license_registration");

		assertThat(process.isExecutable()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void passesCamundasModelValidation(String fixture) {
		byte[] compiled = compiler.compile(Models.bytes(fixture));

		assertThatCode(() -> Bpmn.validateModel(Bpmn.readModelFromStream(new ByteArrayInputStream(compiled))))
			.doesNotThrowAnyException();
	}

	@Test
	void writesOneFixedFormAndKeepsTextContentExactly() {
		Compiled compiled = Compiled.of(HYGIENE);
		String text = compiled.text();

		assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions ").endsWith(
				"</bpmn:definitions>\n");
		assertThat(text.lines()).noneMatch(String::isBlank).noneMatch(line -> line.startsWith("\t"));
		assertThat(text).contains("\n  <bpmn:process id=\"public_place_hygiene_permit\" name=\"公共场所卫生许可\"")
			.contains("\n    <bpmn:startEvent id=\"Start\" name=\"提交申请\">\n      <bpmn:outgoing>");
		Documentation documentation = compiled.<Process>element("public_place_hygiene_permit")
			.getDocumentations()
			.iterator()
			.next();
		assertThat(documentation.getTextContent()).isEqualTo("住宿、沐浴、美容美发等公共场所开业前申领卫生许可证。\n"
				+ "承诺时限 10 个工作日 & 法定时限 20 个工作日；材料不全的 <当场> 一次性告知。");
	}

	@Test
	void keepsCommentsCdataAndWhitespaceInTextThroughRecompilation() {
		byte[] source = Models.text(NO_DIAGRAM)
			.replace("camunda:historyTimeToLive=\"1825\">", "camunda:historyTimeToLive=\"1825\">\n    <!-- 设计说明：两级审核 -->"
					+ "\n    <bpmn:documentation><![CDATA[金额 < 5万 && 材料齐全]]>  即办  \r\n</bpmn:documentation>")
			.replace("name=\"审核\"", "name=\"审核&#10;（初审）&#9;\"")
			.getBytes(StandardCharsets.UTF_8);

		Compiled compiled = Compiled.of(source);

		assertThat(compiled.text()).contains("\n    <!-- 设计说明：两级审核 -->\n",
				"<bpmn:documentation><![CDATA[金额 < 5万 && 材料齐全]]>  即办  \n</bpmn:documentation>",
				"name=\"审核&#10;（初审）&#9;\"");
		assertThat(compiled.<UserTask>element("Task_Review").getName()).isEqualTo("审核\n（初审）\t");
		assertThat(compiler.compile(compiled.bytes())).isEqualTo(compiled.bytes());
	}

	@Test
	void keepsEveryElementOfTheSource() {
		Compiled compiled = Compiled.of(HYGIENE);
		Compiled source = new Compiled(Models.bytes(HYGIENE),
				Bpmn.readModelFromStream(new ByteArrayInputStream(Models.bytes(HYGIENE))));

		assertThat(ids(compiled.all(FlowElement.class)).stream().filter(id -> !id.startsWith("SL_")))
			.containsExactlyElementsOf(ids(source.all(FlowElement.class)));
		assertThat(compiled.all(BpmnShape.class).size() - compiled.generated(FlowNode.class).size())
			.isEqualTo(source.all(BpmnShape.class).size());
	}

	private static List<String> ids(Collection<? extends FlowElement> elements) {
		return elements.stream().map(FlowElement::getId).toList();
	}

	private static TimerEventDefinition timer(CatchEvent event) {
		return (TimerEventDefinition) event.getEventDefinitions().iterator().next();
	}

	private static String timeDate(CatchEvent event) {
		return timer(event).getTimeDate().getTextContent();
	}

	private static List<CamundaExecutionListener> listeners(EndEvent end) {
		return List.copyOf(end.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
			.list());
	}

	private static double centreX(Bounds bounds) {
		return bounds.getX() + bounds.getWidth() / 2;
	}

	private static ModelElementInstance shapeOwning(Bounds bounds) {
		ModelElementInstance parent = bounds.getParentElement();
		return parent instanceof BpmnShape ? parent : parent.getParentElement();
	}

}
