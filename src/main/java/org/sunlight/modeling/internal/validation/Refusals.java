package org.sunlight.modeling.internal.validation;

import java.io.ByteArrayInputStream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.modeling.internal.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads uploaded bytes or refuses them. {@link SafeXml} refuses what is too large, hostile or not
 * well-formed; this adds XInclude (never processed by either parser, but an upload that tries it
 * is hostile), schema location hints, and then Camunda's own reading of the model, which
 * validates it against the BPMN 2.0 schema.
 *
 * <p>Camunda's parser forbids DOCTYPEs and external entities (and SafeXml has already refused
 * them), but its validating parse does follow {@code xsi:schemaLocation} hints for namespaces
 * it has no schema of: an uploaded model could make the server fetch any URL or read local
 * files. So the hints are refused before Camunda sees the bytes; modelers do not write them.
 */
final class Refusals {

	static final String XINCLUDE = "http://www.w3.org/2001/XInclude";
	static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private Refusals() {
	}

	static Document read(byte[] xml) {
		Document document = SafeXml.parseBpmn(xml);
		if (document.getElementsByTagNameNS(XINCLUDE, "*").getLength() > 0) {
			throw new ModelRejectedException(Reason.HOSTILE,
					"the XML contains an XInclude element; including other documents is refused");
		}
		refuseSchemaLocations(document);
		try {
			Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
		}
		catch (RuntimeException ex) {
			throw new ModelRejectedException(Reason.NOT_BPMN,
					"not a valid BPMN 2.0 model: " + deepestMessage(ex), ex);
		}
		return document;
	}

	private static void refuseSchemaLocations(Document document) {
		NodeList elements = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < elements.getLength(); i++) {
			Element element = (Element) elements.item(i);
			if (element.hasAttributeNS(XSI, "schemaLocation") || element.hasAttributeNS(XSI, "noNamespaceSchemaLocation")) {
				throw new ModelRejectedException(Reason.HOSTILE, "the XML names schema locations (xsi:schemaLocation on <"
						+ element.getTagName() + ">); they would make the server fetch them, remove them");
			}
		}
	}

	/** Camunda wraps the schema validator's message, which is the one that says what is wrong. */
	private static String deepestMessage(Throwable ex) {
		String message = ex.getMessage();
		Throwable cause = ex.getCause();
		for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return message == null ? ex.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
	}

}
