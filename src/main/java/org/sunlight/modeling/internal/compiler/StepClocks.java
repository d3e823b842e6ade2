package org.sunlight.modeling.internal.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Element;

/**
 * Puts the yellow and red clocks on every supervised step: per level a non-interrupting timer
 * boundary event on the user task, a flow and an end event that raises the step's escalation. The
 * clocks go into the task's own container, so steps inside embedded sub-processes get them too.
 */
final class StepClocks {

	/** An XML NCName, which has no quote, brace, backslash or space. */
	private static final Pattern XML_NAME = Pattern
		.compile("[\\p{L}_][\\p{L}\\p{N}\\p{Mn}\\p{Mc}_.\\-\\u00B7\\u203F\\u2040]*");

	private StepClocks() {
	}

	/** @return the ids of the clocked user tasks, in document order */
	static List<String> add(Element process, ClockParts parts) {
		List<String> clocked = new ArrayList<>();
		for (Element task : XmlNodes.descendants(process, SlNamespace.BPMN, "userTask")) {
			if (isSupervised(task)) {
				String taskId = checkedId(task);
				List<Element> added = new ArrayList<>();
				for (Level level : Level.values()) {
					added.addAll(clock(taskId, level, parts));
				}
				ClockParts.addToContainer((Element) task.getParentNode(), added);
				clocked.add(taskId);
			}
		}
		return clocked;
	}

	/**
	 * Supervised means what {@code PowerDescription.Step#supervised()} means: the first
	 * {@code sl:step} has a time limit. The clock bean looks the step up by the same rule.
	 */
	private static boolean isSupervised(Element task) {
		return XmlNodes.children(task, SlNamespace.BPMN, "extensionElements").stream()
			.flatMap(extensions -> XmlNodes.children(extensions, SlNamespace.URI, "step").stream())
			.findFirst()
			.map(step -> !XmlNodes.isBlank(XmlNodes.attr(step, "timeLimit")))
			.orElse(false);
	}

	/**
	 * The id goes into the timers' and listeners' expressions, so it must be the XML name BPMN
	 * requires: anything else could end the string literal and add code of the uploader's choosing.
	 */
	private static String checkedId(Element task) {
		String id = XmlNodes.attr(task, "id");
		if (id == null || !XML_NAME.matcher(id).matches()) {
			throw new IllegalArgumentException("user task id " + (id == null ? "(none)" : "'" + id + "'")
					+ " is not a BPMN id (an XML NCName); the model must be validated before it is compiled");
		}
		return id;
	}

	private static List<Element> clock(String taskId, Level level, ClockParts parts) {
		String eventId = level.stepEvent(taskId);
		String flowId = level.stepFlow(taskId);
		String endId = level.stepEnd(taskId);
		Element boundary = parts.node("boundaryEvent", eventId, level.stepEventName);
		boundary.setAttributeNS(null, "cancelActivity", "false");
		boundary.setAttributeNS(null, "attachedToRef", taskId);
		parts.outgoing(boundary, flowId);
		boundary.appendChild(parts.timer(level.stepTimer(taskId), level.stepTimeDate(taskId)));
		return List.of(boundary, parts.flow(flowId, eventId, endId),
				parts.raisingEnd(endId, level.endName, flowId, level.stepRaise(taskId)));
	}

}
