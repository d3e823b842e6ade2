package org.sunlight.modeling.internal.compiler;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Element;

/**
 * What Camunda needs to deploy and run the power's process: it must be executable, and since 7.20
 * it refuses a process without a history time-to-live (PITFALLS.md 3). A designer's own
 * time-to-live is kept.
 */
final class ExecutableSettings {

	/** Days; ten years, the usual retention of administrative case files. */
	static final String DEFAULT_HISTORY_TIME_TO_LIVE = "3650";

	private ExecutableSettings() {
	}

	static void apply(Element process, ModelWriter writer) {
		process.setAttributeNS(null, "isExecutable", "true");
		if (XmlNodes.isBlank(XmlNodes.attr(process, SlNamespace.CAMUNDA, "historyTimeToLive"))) {
			writer.attribute(process, SlNamespace.CAMUNDA, "historyTimeToLive", DEFAULT_HISTORY_TIME_TO_LIVE);
		}
	}

}
