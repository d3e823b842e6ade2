package org.sunlight.modeling.internal.compiler;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import javax.xml.XMLConstants;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Creates elements and attributes with the prefixes the document already uses, so that generated
 * parts read like the designer's, whatever tool wrote the source ({@code bpmn:}, {@code bpmn2:} or
 * a default namespace). A namespace the document lacks is declared on the root under its usual
 * prefix, the first time it is needed.
 */
final class ModelWriter {

	static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
	static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";
	static final String COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

	private static final Map<String, String> USUAL_PREFIXES = Map.of(SlNamespace.BPMN, "bpmn",
			SlNamespace.BPMNDI, "bpmndi", SlNamespace.DC, "dc", SlNamespace.DI, "di", SlNamespace.CAMUNDA, "camunda",
			XSI, "xsi", BIOC, "bioc", COLOR, "color");

	private final Document document;
	private final Element root;
	// Only looked up by key, never iterated, so its order cannot leak into the output.
	private final Map<String, String> elementPrefixes = new HashMap<>();
	private final Map<String, String> attributePrefixes = new HashMap<>();

	ModelWriter(Document document) {
		this.document = document;
		this.root = document.getDocumentElement();
	}

	Element bpmn(String localName) {
		return element(SlNamespace.BPMN, localName);
	}

	Element element(String namespace, String localName) {
		String prefix = elementPrefixes.computeIfAbsent(namespace, ns -> prefix(ns, true));
		return document.createElementNS(namespace, prefix.isEmpty() ? localName : prefix + ":" + localName);
	}

	void attribute(Element element, String namespace, String localName, String value) {
		element.setAttributeNS(namespace, qualifiedAttribute(namespace, localName), value);
	}

	/** A name for use inside an attribute value, such as {@code xsi:type="bpmn:tFormalExpression"}. */
	String qualifiedType(String namespace, String localName) {
		String prefix = elementPrefixes.computeIfAbsent(namespace, ns -> prefix(ns, true));
		return prefix.isEmpty() ? localName : prefix + ":" + localName;
	}

	/** Appends a child element holding only text. */
	Element textChild(Element parent, String namespace, String localName, String text) {
		Element child = element(namespace, localName);
		child.setTextContent(text);
		parent.appendChild(child);
		return child;
	}

	private String qualifiedAttribute(String namespace, String localName) {
		String prefix = attributePrefixes.computeIfAbsent(namespace, ns -> prefix(ns, false));
		return prefix + ":" + localName;
	}

	/**
	 * The usual prefix if the root binds it to the namespace, else the first other prefix that does
	 * (alphabetically, for determinism), else the default namespace (elements only: an unprefixed
	 * attribute has no namespace), else a new declaration.
	 */
	private String prefix(String namespace, boolean forElement) {
		String usual = USUAL_PREFIXES.get(namespace);
		TreeSet<String> bound = new TreeSet<>();
		boolean defaultBound = false;
		NamedNodeMap attributes = root.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
					&& namespace.equals(attribute.getValue())) {
				if (XMLConstants.XMLNS_ATTRIBUTE.equals(attribute.getName())) {
					defaultBound = true;
				}
				else {
					bound.add(attribute.getLocalName());
				}
			}
		}
		if (bound.contains(usual)) {
			return usual;
		}
		if (!bound.isEmpty()) {
			return bound.first();
		}
		if (forElement && defaultBound) {
			return "";
		}
		return declare(namespace, usual);
	}

	private String declare(String namespace, String usual) {
		String prefix = usual;
		for (int n = 1; root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix); n++) {
			prefix = usual + n;
		}
		root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
				namespace);
		return prefix;
	}

}
