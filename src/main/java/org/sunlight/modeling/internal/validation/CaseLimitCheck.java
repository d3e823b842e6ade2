package org.sunlight.modeling.internal.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * Warns when the step limits along the longest path add up to more than the case limit (the
 * promised one when set): the case would run late even if every step were on time. Only
 * supervised steps count; cycles (rework loops) are counted once, by leaving out the flows that
 * close them; a sub-process weighs as much as the longest path inside it.
 */
final class CaseLimitCheck {

	private CaseLimitCheck() {
	}

	static void check(Element process, Problems problems) {
		Optional<SlDuration> limit = PowerRules.caseLimit(process);
		if (limit.isEmpty()) {
			return;
		}
		Duration longest = longestPath(process);
		if (longest.compareTo(limit.get().length()) > 0) {
			problems.add(ProblemCode.STEP_LIMITS_EXCEED_CASE_LIMIT, process, SlDuration.format(longest),
					limit.get().text());
		}
	}

	static Duration longestPath(Element scope) {
		FlowGraph graph = FlowGraph.of(scope);
		List<String> order = new ArrayList<>();
		Map<String, List<String>> successors = graph.acyclicOrder(graph.starts(), order);
		Map<String, Duration> weights = new HashMap<>();
		Map<String, Duration> upTo = new HashMap<>();
		Duration longest = Duration.ZERO;
		for (String id : order) {
			Duration here = upTo.getOrDefault(id, Duration.ZERO).plus(weight(graph, id, weights));
			longest = max(longest, here);
			for (String next : successors.getOrDefault(id, List.of())) {
				upTo.merge(next, here, CaseLimitCheck::max);
			}
		}
		return longest;
	}

	private static Duration weight(FlowGraph graph, String id, Map<String, Duration> weights) {
		return weights.computeIfAbsent(id, key -> {
			Element node = graph.nodes().get(key);
			if (Dom.is(node, SlNamespace.BPMN, "userTask")) {
				return UserTasks.step(node)
					.flatMap(step -> SlDuration.parse(Dom.attr(step, "timeLimit")))
					.map(SlDuration::length)
					.orElse(Duration.ZERO);
			}
			if (FlowGraph.SCOPES.contains(node.getLocalName()) && !FlowGraph.isEventSubProcess(node)) {
				return longestPath(node);
			}
			return Duration.ZERO;
		});
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
