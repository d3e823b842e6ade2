package org.sunlight.modeling.internal.compiler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a document in one fixed form: UTF-8 with an XML declaration, two-space indentation,
 * attributes in a fixed order (namespace declarations, a few names that read best first, then the
 * rest by name).
 * Hand-written rather than the JDK Transformer, whose indenting adds blank lines around existing
 * whitespace and whose attribute order depends on the DOM implementation.
 * <p>
 * Whitespace between elements is layout and is replaced; text is content and is kept exactly: an
 * element with text of its own (documentation, an expression, a {@code timeDate}) is written
 * verbatim, with all its descendants, so parsing the output and writing it again gives the same
 * bytes.
 */
final class CanonicalXml {

	private static final String INDENT = "  ";

	/** Read first, in this order: what an element is, what it connects, where it is drawn. */
	private static final List<String> LEADING = List.of("id", "name", "bpmnElement", "sourceRef", "targetRef", "x", "y",
			"width", "height");

	private static final Comparator<Attr> ATTRIBUTE_ORDER = Comparator.comparingInt(CanonicalXml::rank)
		.thenComparing(Attr::getName);

	private final StringBuilder out = new StringBuilder();

	private CanonicalXml() {
	}

	static byte[] serialize(Document document) {
		CanonicalXml xml = new CanonicalXml();
		xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
			xml.indented(node, 0);
		}
		return xml.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void indented(Node node, int depth) {
		switch (node.getNodeType()) {
			case Node.ELEMENT_NODE -> {
				out.append(INDENT.repeat(depth));
				Element element = (Element) node;
				if (isLayout(element)) {
					startTag(element, !element.hasChildNodes());
					if (element.hasChildNodes()) {
						out.append('\n');
						for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
							indented(child, depth + 1);
						}
						out.append(INDENT.repeat(depth));
						endTag(element);
					}
				}
				else {
					verbatim(element);
				}
				out.append('\n');
			}
			case Node.TEXT_NODE -> {
				// whitespace between elements: layout, replaced by this writer's own
			}
			case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
				out.append(INDENT.repeat(depth));
				verbatim(node);
				out.append('\n');
			}
			default -> verbatim(node);
		}
	}

	private void verbatim(Node node) {
		switch (node.getNodeType()) {
			case Node.ELEMENT_NODE -> {
				Element element = (Element) node;
				startTag(element, !element.hasChildNodes());
				if (element.hasChildNodes()) {
					for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
						verbatim(child);
					}
					endTag(element);
				}
			}
			case Node.TEXT_NODE -> text(node.getNodeValue());
			case Node.CDATA_SECTION_NODE -> out.append("<![CDATA[").append(node.getNodeValue()).append("]]>");
			case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
			case Node.PROCESSING_INSTRUCTION_NODE -> {
				out.append("<?").append(node.getNodeName());
				String data = node.getNodeValue();
				if (data != null && !data.isEmpty()) {
					out.append(' ').append(data);
				}
				out.append("?>");
			}
			default -> throw new IllegalArgumentException("unexpected node type " + node.getNodeType() + " in a model");
		}
	}

	/**
	 * An element is laid out (indented children) when it has child elements, comments or
	 * instructions and no text but whitespace; an element with only whitespace and nothing else
	 * keeps it, since there it may be content.
	 */
	private static boolean isLayout(Element element) {
		boolean hasStructure = false;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			switch (child.getNodeType()) {
				case Node.TEXT_NODE -> {
					if (!child.getNodeValue().isBlank()) {
						return false;
					}
				}
				case Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE -> {
					return false;
				}
				default -> hasStructure = true;
			}
		}
		return hasStructure || !element.hasChildNodes();
	}

	private void startTag(Element element, boolean empty) {
		out.append('<').append(element.getTagName());
		for (Attr attribute : attributes(element)) {
			out.append(' ').append(attribute.getName()).append("=\"");
			attributeValue(attribute.getValue());
			out.append('"');
		}
		out.append(empty ? "/>" : ">");
	}

	private void endTag(Element element) {
		out.append("</").append(element.getTagName()).append('>');
	}

	private static List<Attr> attributes(Element element) {
		NamedNodeMap map = element.getAttributes();
		List<Attr> attributes = new ArrayList<>(map.getLength());
		for (int i = 0; i < map.getLength(); i++) {
			attributes.add((Attr) map.item(i));
		}
		attributes.sort(ATTRIBUTE_ORDER);
		return attributes;
	}

	private static int rank(Attr attribute) {
		if (XMLConstants.XMLNS_ATTRIBUTE.equals(attribute.getName())) {
			return 0;
		}
		if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
			return 1;
		}
		int leading = LEADING.indexOf(attribute.getName());
		return leading >= 0 ? 2 + leading : 2 + LEADING.size();
	}

	private void text(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '\r' -> out.append("&#13;");
				default -> out.append(c);
			}
		}
	}

	/** Tabs and line breaks as references: a parser would normalise them to spaces otherwise. */
	private void attributeValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\t' -> out.append("&#9;");
				case '\n' -> out.append("&#10;");
				case '\r' -> out.append("&#13;");
				default -> out.append(c);
			}
		}
	}

}
