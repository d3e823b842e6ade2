package org.sunlight.modeling.internal.validation;

import java.util.regex.Pattern;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * A multi-instance step's fixed count is a whole number within {@link ModelBounds}: a loop
 * cardinality of a million would create a million tasks at once. An expression is refused, since
 * its value is only known when the step starts.
 */
final class LoopRules {

	private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

	private LoopRules() {
	}

	static void check(Element definitions, ModelBounds bounds, Problems problems) {
		for (Element loop : Dom.descendants(definitions, SlNamespace.BPMN, "multiInstanceLoopCharacteristics")) {
			for (Element cardinality : Dom.children(loop, SlNamespace.BPMN, "loopCardinality")) {
				String text = cardinality.getTextContent().trim();
				if (!COUNT.matcher(text).matches() || Long.parseLong(text) < 1
						|| Long.parseLong(text) > bounds.maxLoopCardinality()) {
					problems.add(ProblemCode.LOOP_CARDINALITY_OUT_OF_BOUNDS, Dom.owner(cardinality), text,
							bounds.maxLoopCardinality());
				}
			}
		}
	}

}
