package org.sunlight.modeling.internal.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Removes everything an earlier compilation added, so that compiling compiled output starts from
 * the source as drawn: elements with an {@code SL_} id, diagram elements drawing one, and
 * references to one ({@code incoming}, {@code outgoing}, a lane's {@code flowNodeRef}). Namespace
 * declarations stay; they are added again anyway.
 */
final class GeneratedElements {

	private static final Set<String> REFERENCES = Set.of("incoming", "outgoing", "flowNodeRef");

	private GeneratedElements() {
	}

	static void strip(Document document) {
		for (Element element : generated(document)) {
			Node parent = element.getParentNode();
			if (parent != null) {
				parent.removeChild(element);
			}
		}
	}

	private static List<Element> generated(Document document) {
		NodeList all = document.getElementsByTagNameNS("*", "*");
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (isGenerated(element)) {
				found.add(element);
			}
		}
		return found;
	}

	private static boolean isGenerated(Element element) {
		if (generatedId(XmlNodes.attr(element, "id"))) {
			return true;
		}
		if (SlNamespace.BPMNDI.equals(element.getNamespaceURI())) {
			return generatedId(XmlNodes.attr(element, "bpmnElement"));
		}
		return SlNamespace.BPMN.equals(element.getNamespaceURI()) && REFERENCES.contains(element.getLocalName())
				&& generatedId(element.getTextContent().trim());
	}

	private static boolean generatedId(String id) {
		return id != null && id.startsWith(Level.GENERATED);
	}

}
