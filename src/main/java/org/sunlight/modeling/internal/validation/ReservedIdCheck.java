package org.sunlight.modeling.internal.validation;

import java.util.regex.Pattern;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * Ids starting with {@code SL_} belong to the compiler, which strips and regenerates every such
 * element on each compile: a designer's own {@code SL_} element would silently disappear from the
 * executable model. Only the exact shapes the compiler generates are accepted.
 */
final class ReservedIdCheck {

	static final String PREFIX = SlNamespace.GENERATED_ID_PREFIX;

	private static final Pattern GENERATED = Pattern.compile(
			"SL_(Yellow|Red|YellowEnd|RedEnd|YellowTimer|RedTimer|Flow_Yellow|Flow_Red)_.+"
					+ "|SL_Case(Yellow|Red)(Start|End|Timer)?|SL_Flow_Case(Yellow|Red)");

	private ReservedIdCheck() {
	}

	static void check(Element definitions, Problems problems) {
		for (Element element : Dom.descendants(definitions, SlNamespace.BPMN, "*")) {
			String id = Dom.id(element);
			if (id == null || !id.startsWith(PREFIX)) {
				continue;
			}
			if (Dom.is(element, SlNamespace.BPMN, "userTask") || !GENERATED.matcher(id).matches()) {
				problems.add(ProblemCode.RESERVED_ID, element);
			}
		}
	}

}
