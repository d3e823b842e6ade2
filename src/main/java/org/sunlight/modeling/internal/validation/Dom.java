package org.sunlight.modeling.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small, null-safe reads of a namespace-aware DOM. */
final class Dom {

	/** BPMN elements that have an id but only refine their owner, which is the better place to point at. */
	private static final Set<String> DETAILS = Set.of("conditionExpression", "condition", "timeDate", "timeDuration",
			"timeCycle", "loopCardinality", "completionCondition", "multiInstanceLoopCharacteristics",
			"standardLoopCharacteristics", "formalExpression", "script", "extensionElements");

	private Dom() {
	}

	static boolean is(Node node, String namespace, String localName) {
		return XmlNodes.is(node, namespace, localName);
	}

	static List<Element> children(Element parent) {
		return XmlNodes.children(parent);
	}

	static List<Element> children(Element parent, String namespace, String localName) {
		return XmlNodes.children(parent, namespace, localName);
	}

	/** Every descendant with that name, in document order. */
	static List<Element> descendants(Element root, String namespace, String localName) {
		return XmlNodes.descendants(root, namespace, localName);
	}

	/** The children of the element's {@code bpmn:extensionElements} with that name. */
	static List<Element> extensions(Element element, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		for (Element extensionElements : children(element, SlNamespace.BPMN, "extensionElements")) {
			found.addAll(children(extensionElements, namespace, localName));
		}
		return found;
	}

	/** An unqualified attribute, or {@code null} when absent (the DOM answers "" otherwise). */
	static String attr(Element element, String name) {
		return element.hasAttributeNS(null, name) ? element.getAttributeNS(null, name) : null;
	}

	static String attr(Element element, String namespace, String localName) {
		return element.hasAttributeNS(namespace, localName) ? element.getAttributeNS(namespace, localName) : null;
	}

	/** The attribute trimmed, or {@code null} when absent or blank. */
	static String text(Element element, String name) {
		return trimmed(attr(element, name));
	}

	static String text(Element element, String namespace, String localName) {
		return trimmed(attr(element, namespace, localName));
	}

	static String id(Element element) {
		return attr(element, "id");
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** The nearest BPMN element with an id that a designer would recognise: task, event, flow, process… */
	static Element owner(Element element) {
		for (Node node = element; node instanceof Element current; node = current.getParentNode()) {
			if (SlNamespace.BPMN.equals(current.getNamespaceURI()) && id(current) != null
					&& !DETAILS.contains(current.getLocalName()) && !current.getLocalName().endsWith("EventDefinition")) {
				return current;
			}
		}
		return element.getOwnerDocument().getDocumentElement();
	}

	private static String trimmed(String value) {
		return isBlank(value) ? null : value.trim();
	}

}
