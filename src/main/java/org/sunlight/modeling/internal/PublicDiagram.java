package org.sunlight.modeling.internal;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A power's drawing as the public may see it: the shapes, their names, the flows and the layout.
 * It keeps only what is known to be harmless instead of removing what is known to be personal:
 * elements of BPMN and its diagram interchange, and their unqualified attributes. So every
 * {@code camunda:} attribute (an assignee is a username), every {@code extensionElements} (the
 * {@code sl:} clarities, form fields) and any other vendor's namespace go, and so do the BPMN
 * elements that name people ({@code performer}, {@code humanPerformer}, {@code potentialOwner}) and
 * the expressions that decide the route.
 */
public final class PublicDiagram {

	private static final Set<String> KEPT_NAMESPACES = Set.of(SlNamespace.BPMN, SlNamespace.BPMNDI, SlNamespace.DC,
			SlNamespace.DI);

	private static final Set<String> DROPPED_BPMN = Set.of("extensionElements", "performer", "humanPerformer",
			"potentialOwner", "resourceRole", "conditionExpression", "script", "ioSpecification", "dataInputAssociation",
			"dataOutputAssociation");

	private PublicDiagram() {
	}

	public static String of(String sourceXml) {
		Document document = SafeXml.parseBpmn(sourceXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		dropCommentsAndInstructions(document);
		clean(document.getDocumentElement());
		return write(document);
	}

	private static void clean(Element element) {
		List<Attr> dropped = new ArrayList<>();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attr = (Attr) attributes.item(i);
			String namespace = attr.getNamespaceURI();
			boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace);
			if (declaration ? !KEPT_NAMESPACES.contains(attr.getValue())
					&& !XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attr.getValue())
					: namespace != null && !XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace)) {
				dropped.add(attr);
			}
		}
		dropped.forEach(element::removeAttributeNode);
		for (Element child : XmlNodes.children(element)) {
			if (!KEPT_NAMESPACES.contains(child.getNamespaceURI())
					|| SlNamespace.BPMN.equals(child.getNamespaceURI()) && DROPPED_BPMN.contains(child.getLocalName())) {
				element.removeChild(child);
			}
			else {
				clean(child);
			}
		}
		dropCommentsAndInstructions(element);
	}

	/** Comments (a designer's notes, an author) and processing instructions, beside the root too. */
	private static void dropCommentsAndInstructions(Node parent) {
		for (Node node = parent.getFirstChild(); node != null;) {
			Node next = node.getNextSibling();
			if (node.getNodeType() == Node.COMMENT_NODE || node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				parent.removeChild(node);
			}
			node = next;
		}
	}

	private static String write(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("cannot write the public diagram", ex);
		}
	}

}
