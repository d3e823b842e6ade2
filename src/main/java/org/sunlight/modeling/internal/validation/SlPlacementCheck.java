package org.sunlight.modeling.internal.validation;

import java.util.List;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Catches {@code sl:} markup that the other rules would silently not see: an element in the wrong
 * place (a step on a service task, a risk outside a step), an unknown element, or a misspelt
 * attribute ({@code timelimit}). Warnings, because nothing breaks, but the designer surely
 * meant something.
 */
final class SlPlacementCheck {

	private SlPlacementCheck() {
	}

	static void check(Element definitions, Element process, Problems problems) {
		for (Element element : Dom.descendants(definitions, SlNamespace.URI, "*")) {
			List<String> known = SlVocabulary.ATTRIBUTES.get(element.getLocalName());
			if (known == null || !isWellPlaced(element, process)) {
				problems.add(ProblemCode.MISPLACED_SL_ELEMENT, Dom.owner(element), "sl:" + element.getLocalName());
				continue;
			}
			checkAttributes(element, known, problems);
		}
		for (Element element : Dom.descendants(definitions, "*", "*")) {
			Attr unsupervised = element.getAttributeNodeNS(SlNamespace.URI, SlVocabulary.UNSUPERVISED);
			if (unsupervised != null && !Dom.is(element, SlNamespace.BPMN, "userTask")) {
				problems.add(ProblemCode.MISPLACED_SL_ELEMENT, Dom.owner(element), "sl:" + SlVocabulary.UNSUPERVISED);
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				if (SlNamespace.URI.equals(attribute.getNamespaceURI())
						&& !SlVocabulary.UNSUPERVISED.equals(attribute.getLocalName())) {
					problems.add(ProblemCode.UNKNOWN_SL_ATTRIBUTE, Dom.owner(element), "sl:" + attribute.getLocalName(),
							"sl:" + SlVocabulary.UNSUPERVISED);
				}
			}
		}
	}

	private static boolean isWellPlaced(Element element, Element process) {
		Element parent = element.getParentNode() instanceof Element p ? p : null;
		Element owner = parent != null && Dom.is(parent, SlNamespace.BPMN, "extensionElements")
				&& parent.getParentNode() instanceof Element o ? o : null;
		return switch (element.getLocalName()) {
			case SlVocabulary.POWER -> owner == process;
			case SlVocabulary.STEP -> owner != null && Dom.is(owner, SlNamespace.BPMN, "userTask");
			case SlVocabulary.RISK -> parent != null && Dom.is(parent, SlNamespace.URI, SlVocabulary.STEP);
			default -> false;
		};
	}

	private static void checkAttributes(Element element, List<String> known, Problems problems) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (attribute.getNamespaceURI() == null && !known.contains(attribute.getLocalName())) {
				problems.add(ProblemCode.UNKNOWN_SL_ATTRIBUTE, Dom.owner(element),
						"sl:" + element.getLocalName() + " " + attribute.getLocalName(), String.join(", ", known));
			}
		}
	}

}
