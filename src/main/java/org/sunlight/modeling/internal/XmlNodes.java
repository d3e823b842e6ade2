package org.sunlight.modeling.internal;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Small reads of a namespace-aware DOM, shared by the validator and the compiler; lists are copies,
 * safe to keep while the tree changes.
 */
public final class XmlNodes {

	private XmlNodes() {
	}

	public static boolean is(Node node, String namespace, String localName) {
		return node instanceof Element element && namespace.equals(element.getNamespaceURI())
				&& localName.equals(element.getLocalName());
	}

	public static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	public static List<Element> children(Element parent, String namespace, String localName) {
		return children(parent).stream().filter(child -> is(child, namespace, localName)).toList();
	}

	/** Every descendant with that name, in document order. */
	public static List<Element> descendants(Element root, String namespace, String localName) {
		NodeList nodes = root.getElementsByTagNameNS(namespace, localName);
		List<Element> found = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	/** An unqualified attribute, or {@code null} when absent (the DOM answers "" otherwise). */
	public static String attr(Element element, String name) {
		return element.hasAttributeNS(null, name) ? element.getAttributeNS(null, name) : null;
	}

	public static String attr(Element element, String namespace, String localName) {
		return element.hasAttributeNS(namespace, localName) ? element.getAttributeNS(namespace, localName) : null;
	}

	public static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
