package org.sunlight.modeling.internal;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Schema-location hints ({@code xsi:schemaLocation}, {@code xsi:noNamespaceSchemaLocation}): nearly
 * every modelling tool writes them and no reader needs them, but a validating parser may follow
 * them (Camunda's does, for namespaces it has no schema of), which would let an upload make the
 * server fetch any address or read local files. Uploads keep them harmlessly: the validator reads
 * with a fixed schema that ignores them, and they are removed before anything else parses the
 * model; only the engine's guard, which sees what Sunlight compiled, refuses them.
 */
public final class SchemaHints {

	public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final List<String> NAMES = List.of("schemaLocation", "noNamespaceSchemaLocation");

	private SchemaHints() {
	}

	/** Removes every hint; returns the elements that carried one, by tag name. */
	public static List<String> strip(Document document) {
		List<String> carriers = new ArrayList<>();
		for (Element element : carriers(document)) {
			carriers.add(element.getTagName());
			NAMES.forEach(name -> element.removeAttributeNS(XSI, name));
		}
		return carriers;
	}

	/** The elements that carry a hint, in document order. */
	public static List<Element> carriers(Document document) {
		NodeList elements = document.getElementsByTagNameNS("*", "*");
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < elements.getLength(); i++) {
			Element element = (Element) elements.item(i);
			if (NAMES.stream().anyMatch(name -> element.hasAttributeNS(XSI, name))) {
				found.add(element);
			}
		}
		return found;
	}

}
