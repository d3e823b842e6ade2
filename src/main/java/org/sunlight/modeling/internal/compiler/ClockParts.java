package org.sunlight.modeling.internal.compiler;

import java.util.List;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The pieces every clock is made of, at step and at case level: a timer whose date an expression
 * computes, a sequence flow, and an end event whose start listener raises the escalation.
 */
final class ClockParts {

	/**
	 * BPMN's flow elements. Generated ones go right after a container's last flow element: the
	 * schema wants artifacts after them, and a sub-process's own performers and loop
	 * characteristics before them.
	 */
	private static final Set<String> FLOW_ELEMENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
			"intermediateThrowEvent", "boundaryEvent", "implicitThrowEvent", "task", "userTask", "serviceTask",
			"scriptTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "callActivity", "subProcess",
			"transaction", "adHocSubProcess", "callChoreography", "choreographyTask", "subChoreography",
			"exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
			"sequenceFlow", "dataObject", "dataObjectReference", "dataStoreReference");

	private final ModelWriter writer;

	ClockParts(ModelWriter writer) {
		this.writer = writer;
	}

	Element node(String localName, String id, String name) {
		Element node = writer.bpmn(localName);
		node.setAttributeNS(null, "id", id);
		node.setAttributeNS(null, "name", name);
		return node;
	}

	/** {@code <timerEventDefinition><timeDate xsi:type="tFormalExpression">expression</timeDate>}. */
	Element timer(String id, String timeDateExpression) {
		Element timer = writer.bpmn("timerEventDefinition");
		timer.setAttributeNS(null, "id", id);
		Element timeDate = writer.textChild(timer, SlNamespace.BPMN, "timeDate", timeDateExpression);
		writer.attribute(timeDate, ModelWriter.XSI, "type", writer.qualifiedType(SlNamespace.BPMN, "tFormalExpression"));
		return timer;
	}

	Element flow(String id, String sourceRef, String targetRef) {
		Element flow = writer.bpmn("sequenceFlow");
		flow.setAttributeNS(null, "id", id);
		flow.setAttributeNS(null, "sourceRef", sourceRef);
		flow.setAttributeNS(null, "targetRef", targetRef);
		return flow;
	}

	/** An end event that raises the escalation as soon as the token reaches it. */
	Element raisingEnd(String id, String name, String incomingFlow, String raiseExpression) {
		Element end = node("endEvent", id, name);
		Element extensions = writer.bpmn("extensionElements");
		Element listener = writer.element(SlNamespace.CAMUNDA, "executionListener");
		listener.setAttributeNS(null, "event", "start");
		listener.setAttributeNS(null, "expression", raiseExpression);
		extensions.appendChild(listener);
		end.appendChild(extensions);
		writer.textChild(end, SlNamespace.BPMN, "incoming", incomingFlow);
		return end;
	}

	void outgoing(Element node, String flowId) {
		writer.textChild(node, SlNamespace.BPMN, "outgoing", flowId);
	}

	/** Adds the parts after the container's last flow element, in the given order. */
	static void addToContainer(Element container, List<Element> parts) {
		Node anchor = null;
		for (Element child : XmlNodes.children(container)) {
			if (SlNamespace.BPMN.equals(child.getNamespaceURI()) && FLOW_ELEMENTS.contains(child.getLocalName())) {
				anchor = child;
			}
		}
		Node before = anchor == null ? null : anchor.getNextSibling();
		for (Element part : parts) {
			container.insertBefore(part, before);
		}
	}

}
