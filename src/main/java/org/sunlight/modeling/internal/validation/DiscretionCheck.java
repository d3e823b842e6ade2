package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * Warns about steps that decide something but name no risk point. A step decides when it flows
 * straight into an exclusive or inclusive gateway that branches (two or more outgoing flows), or
 * when its form asks for a decision: a form field whose id contains "approv", "decision" or
 * "decide". Deliberately simple; the designer knows better and may add a risk point or ignore it.
 */
final class DiscretionCheck {

	private static final Pattern DECISION_FIELD = Pattern.compile("(?i).*(approv|decision|decide).*");

	private DiscretionCheck() {
	}

	static void check(Element process, Problems problems) {
		for (Element task : UserTasks.of(process)) {
			boolean hasRisk = UserTasks.step(task).map(step -> !UserTasks.risks(step).isEmpty()).orElse(false);
			if (!hasRisk && hasDiscretion(task)) {
				problems.add(ProblemCode.DISCRETION_WITHOUT_RISK, task);
			}
		}
	}

	/** Whether the step decides something, by the rule above (also counted by the reengineering metrics). */
	static boolean hasDiscretion(Element task) {
		return leadsToBranchingGateway(task) || asksForDecision(task);
	}

	private static boolean leadsToBranchingGateway(Element task) {
		Element scope = (Element) task.getParentNode();
		List<Element> flows = Dom.children(scope, SlNamespace.BPMN, "sequenceFlow");
		for (Element flow : flows) {
			if (!Dom.id(task).equals(Dom.attr(flow, "sourceRef"))) {
				continue;
			}
			Optional<Element> target = byId(scope, Dom.attr(flow, "targetRef"));
			if (target.isPresent() && isDecidingGateway(target.get()) && outgoing(flows, target.get()) >= 2) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDecidingGateway(Element element) {
		return Dom.is(element, SlNamespace.BPMN, "exclusiveGateway") || Dom.is(element, SlNamespace.BPMN, "inclusiveGateway");
	}

	private static long outgoing(List<Element> flows, Element node) {
		return flows.stream().filter(flow -> Dom.id(node).equals(Dom.attr(flow, "sourceRef"))).count();
	}

	private static Optional<Element> byId(Element scope, String id) {
		return Dom.children(scope).stream().filter(child -> id != null && id.equals(Dom.id(child))).findFirst();
	}

	private static boolean asksForDecision(Element task) {
		for (Element formData : Dom.extensions(task, SlNamespace.CAMUNDA, "formData")) {
			for (Element field : Dom.children(formData, SlNamespace.CAMUNDA, "formField")) {
				String id = Dom.attr(field, "id");
				if (id != null && DECISION_FIELD.matcher(id).matches()) {
					return true;
				}
			}
		}
		return false;
	}

}
