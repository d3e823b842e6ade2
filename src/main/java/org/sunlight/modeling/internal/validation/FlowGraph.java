package org.sunlight.modeling.internal.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * The flow nodes directly inside one scope (a process or a sub-process) and how a token can move
 * between them: sequence flows, an activity to its boundary events, a link throw to its catch.
 * Nested scopes are graphs of their own. Traversals are iterative: a 2 MB model can hold
 * thousands of nodes in a row.
 */
final class FlowGraph {

	static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
			"intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
			"manualTask", "businessRuleTask", "scriptTask", "callActivity", "subProcess", "transaction",
			"adHocSubProcess", "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
			"complexGateway");

	static final Set<String> SCOPES = Set.of("subProcess", "transaction", "adHocSubProcess");

	private final Element scope;
	private final Map<String, Element> nodes = new LinkedHashMap<>();
	private final Map<String, List<String>> successors = new HashMap<>();
	private final Set<String> withIncoming = new HashSet<>();

	private FlowGraph(Element scope) {
		this.scope = scope;
	}

	static FlowGraph of(Element scope) {
		FlowGraph graph = new FlowGraph(scope);
		List<Element> children = Dom.children(scope);
		for (Element child : children) {
			if (SlNamespace.BPMN.equals(child.getNamespaceURI()) && FLOW_NODES.contains(child.getLocalName())
					&& Dom.id(child) != null) {
				graph.nodes.put(Dom.id(child), child);
			}
		}
		for (Element child : children) {
			if (Dom.is(child, SlNamespace.BPMN, "sequenceFlow")) {
				graph.connect(Dom.attr(child, "sourceRef"), Dom.attr(child, "targetRef"));
			}
		}
		for (Element node : graph.nodes.values()) {
			if (Dom.is(node, SlNamespace.BPMN, "boundaryEvent")) {
				graph.connect(Dom.attr(node, "attachedToRef"), Dom.id(node));
			}
		}
		graph.connectLinks();
		return graph;
	}

	Map<String, Element> nodes() {
		return nodes;
	}

	List<String> successors(String id) {
		return successors.getOrDefault(id, List.of());
	}

	/** The start events of the scope, or (inside a sub-process without one) the nodes nothing flows into. */
	List<String> starts() {
		List<String> starts = new ArrayList<>();
		nodes.forEach((id, node) -> {
			if (Dom.is(node, SlNamespace.BPMN, "startEvent")) {
				starts.add(id);
			}
		});
		boolean process = Dom.is(scope, SlNamespace.BPMN, "process");
		boolean adHoc = Dom.is(scope, SlNamespace.BPMN, "adHocSubProcess");
		if ((starts.isEmpty() && !process) || adHoc) {
			nodes.forEach((id, node) -> {
				if (!withIncoming.contains(id) && !starts.contains(id) && !isDetached(node)) {
					starts.add(id);
				}
			});
		}
		return starts;
	}

	/** Nested scopes that are entered by a token or by their own event. */
	List<Element> subScopes() {
		return nodes.values().stream().filter(node -> SCOPES.contains(node.getLocalName())).toList();
	}

	Set<String> reachableFrom(List<String> starts) {
		Set<String> reached = new LinkedHashSet<>(starts);
		Deque<String> todo = new ArrayDeque<>(starts);
		while (!todo.isEmpty()) {
			for (String next : successors(todo.pop())) {
				if (reached.add(next)) {
					todo.push(next);
				}
			}
		}
		return reached;
	}

	/**
	 * The nodes reachable from the starts in topological order, with the edges that close a cycle
	 * (found by depth-first search) left out of the successors returned.
	 */
	Map<String, List<String>> acyclicOrder(List<String> starts, List<String> order) {
		Map<String, List<String>> acyclic = new HashMap<>();
		Set<String> onStack = new HashSet<>();
		Set<String> done = new HashSet<>();
		List<String> postOrder = new ArrayList<>();
		for (String start : starts) {
			if (done.contains(start) || onStack.contains(start)) {
				continue;
			}
			Deque<String> stack = new ArrayDeque<>();
			Deque<Integer> position = new ArrayDeque<>();
			stack.push(start);
			position.push(0);
			onStack.add(start);
			while (!stack.isEmpty()) {
				String node = stack.peek();
				int index = position.pop();
				List<String> next = successors(node);
				if (index < next.size()) {
					position.push(index + 1);
					String target = next.get(index);
					if (onStack.contains(target)) {
						continue;
					}
					acyclic.computeIfAbsent(node, k -> new ArrayList<>()).add(target);
					if (!done.contains(target)) {
						stack.push(target);
						position.push(0);
						onStack.add(target);
					}
				}
				else {
					stack.pop();
					onStack.remove(node);
					done.add(node);
					postOrder.add(node);
				}
			}
		}
		for (int i = postOrder.size() - 1; i >= 0; i--) {
			order.add(postOrder.get(i));
		}
		return acyclic;
	}

	static boolean isEventSubProcess(Element node) {
		return Dom.is(node, SlNamespace.BPMN, "subProcess") && "true".equals(Dom.text(node, "triggeredByEvent"));
	}

	/** Nodes that are legitimately outside the sequence flow: event sub-processes, compensation handlers. */
	static boolean isDetached(Element node) {
		return isEventSubProcess(node) || "true".equals(Dom.text(node, "isForCompensation"))
				|| Dom.is(node, SlNamespace.BPMN, "boundaryEvent");
	}

	private void connect(String source, String target) {
		if (source != null && target != null && nodes.containsKey(source) && nodes.containsKey(target)) {
			successors.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
			withIncoming.add(target);
		}
	}

	private void connectLinks() {
		Map<String, List<String>> catches = new HashMap<>();
		for (Element node : nodes.values()) {
			if (Dom.is(node, SlNamespace.BPMN, "intermediateCatchEvent")) {
				linkName(node).forEach(name -> catches.computeIfAbsent(name, k -> new ArrayList<>()).add(Dom.id(node)));
			}
		}
		for (Element node : nodes.values()) {
			if (Dom.is(node, SlNamespace.BPMN, "intermediateThrowEvent")) {
				linkName(node).forEach(name -> catches.getOrDefault(name, List.of())
					.forEach(target -> connect(Dom.id(node), target)));
			}
		}
	}

	private static List<String> linkName(Element event) {
		return Dom.children(event, SlNamespace.BPMN, "linkEventDefinition")
			.stream()
			.map(definition -> Dom.text(definition, "name"))
			.filter(name -> name != null)
			.toList();
	}

}
