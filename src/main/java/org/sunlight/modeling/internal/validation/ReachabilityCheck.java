package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * Every flow node must be reachable from a start event, and the process must be able to reach
 * an end event. Event sub-processes and compensation handlers are entered by events, not flows;
 * elements the compiler generates ({@code SL_…}) are its business; a boundary event is as
 * reachable as its activity and is not reported again when that activity is not.
 */
final class ReachabilityCheck {

	static final String GENERATED_PREFIX = SlNamespace.GENERATED_ID_PREFIX;

	private ReachabilityCheck() {
	}

	static void check(Element process, Problems problems) {
		FlowGraph graph = FlowGraph.of(process);
		List<String> starts = graph.starts();
		if (starts.isEmpty()) {
			problems.add(ProblemCode.NO_START_EVENT, process);
			return;
		}
		Set<String> reached = graph.reachableFrom(starts);
		boolean endReached = reached.stream()
			.map(graph.nodes()::get)
			.anyMatch(node -> Dom.is(node, SlNamespace.BPMN, "endEvent"));
		if (!endReached) {
			problems.add(ProblemCode.NO_PATH_TO_END, process);
		}
		reportUnreachable(graph, reached, problems);
	}

	private static void checkScope(Element scope, Problems problems) {
		FlowGraph graph = FlowGraph.of(scope);
		reportUnreachable(graph, graph.reachableFrom(graph.starts()), problems);
	}

	private static void reportUnreachable(FlowGraph graph, Set<String> reached, Problems problems) {
		graph.nodes().forEach((id, node) -> {
			if (!reached.contains(id) && !isExempt(graph, id, node)) {
				problems.add(ProblemCode.UNREACHABLE_ELEMENT, node);
			}
		});
		for (Element sub : graph.subScopes()) {
			if (reached.contains(Dom.id(sub)) || FlowGraph.isEventSubProcess(sub)) {
				checkScope(sub, problems);
			}
		}
	}

	private static boolean isExempt(FlowGraph graph, String id, Element node) {
		if (id.startsWith(GENERATED_PREFIX) || FlowGraph.isEventSubProcess(node)
				|| "true".equals(Dom.text(node, "isForCompensation"))) {
			return true;
		}
		// A boundary event of an unreachable activity: the activity is reported instead.
		return Dom.is(node, SlNamespace.BPMN, "boundaryEvent")
				&& graph.nodes().containsKey(String.valueOf(Dom.attr(node, "attachedToRef")));
	}

}
