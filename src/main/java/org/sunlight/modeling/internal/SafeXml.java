package org.sunlight.modeling.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The only way uploaded XML is read. Size is checked before any parsing; a streaming pre-scan with
 * DTD support off refuses any DOCTYPE before a parser could expand an entity or open a file, and
 * nesting deeper than any model needs; only then is a DOM built, by a parser that also forbids
 * DOCTYPEs and external access.
 */
public final class SafeXml {

	/** The upload limit of BPMN-EXTENSION.md. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/**
	 * Real models nest a few dozen levels; 2 MB of nothing but nesting would be hundreds of thousands,
	 * deep enough to overflow the stack of any recursive reader of the DOM.
	 */
	public static final int MAX_DEPTH = 256;

	private SafeXml() {
	}

	/** Parses a BPMN 2.0 document; the root must be {@code bpmn:definitions}. */
	public static Document parseBpmn(byte[] xml) {
		Document document = parse(xml);
		Element root = document.getDocumentElement();
		if (!SlNamespace.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
			throw new ModelRejectedException(Reason.NOT_BPMN, "not a BPMN 2.0 model: the root element is <"
					+ root.getTagName() + ">, expected <definitions> in namespace " + SlNamespace.BPMN);
		}
		return document;
	}

	/** Parses any XML document under the same rules (for tests and other trusted shapes). */
	public static Document parse(byte[] xml) {
		if (xml == null || xml.length == 0) {
			throw new ModelRejectedException(Reason.MALFORMED, "the request body is empty; expected BPMN XML");
		}
		if (xml.length > MAX_BYTES) {
			throw new ModelRejectedException(Reason.TOO_LARGE,
					"the model is " + xml.length + " bytes; the limit is " + MAX_BYTES + " bytes (2 MB)");
		}
		preScan(xml);
		try {
			DocumentBuilder builder = documentBuilderFactory().newDocumentBuilder();
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not allowed: " + systemId);
			});
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException ex) {
			throw new ModelRejectedException(Reason.MALFORMED, "malformed XML: " + ex.getMessage(), ex);
		}
		catch (IOException | ParserConfigurationException ex) {
			throw new ModelRejectedException(Reason.MALFORMED, "unreadable XML: " + ex.getMessage(), ex);
		}
	}

	private static void preScan(byte[] xml) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			int depth = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
					throw new ModelRejectedException(Reason.HOSTILE,
							"the XML nests elements more than " + MAX_DEPTH + " levels deep; no model needs that");
				}
				if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
				if (event == XMLStreamConstants.DTD) {
					throw hostile("a DOCTYPE declaration");
				}
				if (event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw hostile("an entity reference (&" + reader.getLocalName() + ";)");
				}
			}
		}
		catch (XMLStreamException ex) {
			String message = String.valueOf(ex.getMessage());
			// Not "entity" in general: "must start and end within the same entity" is plain truncation.
			if (message.contains("DOCTYPE") || message.contains("DTD") || declaresDtd(xml)) {
				throw hostile("a DOCTYPE or entity declaration");
			}
			throw new ModelRejectedException(Reason.MALFORMED, "malformed XML: " + cleanMessage(message), ex);
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ignored) {
					// nothing was opened besides the byte array
				}
			}
		}
	}

	/** Whether the text tries a DTD; read as Latin-1 so that any ASCII-compatible encoding is covered. */
	private static boolean declaresDtd(byte[] xml) {
		String text = new String(xml, java.nio.charset.StandardCharsets.ISO_8859_1);
		return text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
	}

	private static ModelRejectedException hostile(String what) {
		return new ModelRejectedException(Reason.HOSTILE,
				"the XML contains " + what + "; DTDs and entities are refused (XXE and entity expansion)");
	}

	private static String cleanMessage(String message) {
		return message.replaceAll("\\s+", " ").trim();
	}

	private static DocumentBuilderFactory documentBuilderFactory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	/** Writes a document read here back as UTF-8 XML (the transformer loads nothing external). */
	public static byte[] write(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("a parsed model could not be written back", ex);
		}
	}

	/** For reading trusted, already-parsed text such as a fixture: same rules, from a string. */
	public static Document parse(String xml) {
		return parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
