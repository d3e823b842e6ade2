package org.sunlight.modeling.internal.validation;

import java.io.ByteArrayInputStream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.SchemaHints;
import org.w3c.dom.Document;

/**
 * Reads uploaded bytes or refuses them. {@link SafeXml} refuses what is too large, hostile or not
 * well-formed; this adds XInclude (never processed by either parser, but an upload that tries it
 * is hostile). Everything else is read: schema-location hints, which nearly every modelling tool
 * writes, are dropped from the document ({@link SchemaHints}), and what breaks the BPMN schema or
 * Camunda's reading becomes problems, not a refusal.
 */
final class Refusals {

	static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

	private Refusals() {
	}

	/** The document, without schema-location hints. */
	static Document read(byte[] xml) {
		Document document = SafeXml.parseBpmn(xml);
		if (document.getElementsByTagNameNS(XINCLUDE, "*").getLength() > 0) {
			throw new ModelRejectedException(Reason.HOSTILE,
					"the XML contains an XInclude element; including other documents is refused");
		}
		SchemaHints.strip(document);
		return document;
	}

	/**
	 * Camunda's own reading of the model (the document, so without hints, which its validating
	 * parser would follow); adds a problem and returns false when it fails.
	 */
	static boolean camundaReads(Document document, Problems problems) {
		try {
			Bpmn.readModelFromStream(new ByteArrayInputStream(SafeXml.write(document)));
			return true;
		}
		catch (RuntimeException ex) {
			problems.add(ProblemCode.BPMN_UNREADABLE, document.getDocumentElement(), deepestMessage(ex));
			return false;
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
		return message == null ? ex.getClass().getSimpleName() : BpmnSchema.plain(message);
	}

}
