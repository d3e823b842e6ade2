package org.sunlight.modeling.internal.validation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerAnalyser;
import org.sunlight.modeling.PowerAnalysis;
import org.sunlight.modeling.PowerAnalysis.ElementFacts;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Measures a model with the validator's own definitions: the longest path of
 * {@link CaseLimitCheck} and the discretion rule of {@link DiscretionCheck}, so the comparison
 * report and the validator's warnings never disagree.
 */
@Component
public class PowerAnalyzer implements PowerAnalyser {

	// bpmn:incoming/outgoing repeat what the sequence flows say; a flow's change is its own.
	private static final Set<String> REDUNDANT = Set.of("incoming", "outgoing");

	private final PowerReader reader = new PowerReader();

	@Override
	public PowerAnalysis analyse(byte[] xml) {
		Document document = SafeXml.parseBpmn(xml);
		Element process = PowerProcess.find(document.getDocumentElement())
			.orElseThrow(() -> new IllegalArgumentException("the model has no executable process"));
		Set<String> discretion = new LinkedHashSet<>();
		for (Element task : UserTasks.of(process)) {
			if (DiscretionCheck.hasDiscretion(task)) {
				discretion.add(Dom.id(task));
			}
		}
		Map<String, ElementFacts> elements = new LinkedHashMap<>();
		elements.put(Dom.id(process), facts(process));
		collect(process, elements);
		return new PowerAnalysis(reader.read(document), CaseLimitCheck.longestPath(process), discretion, elements);
	}

	private static void collect(Element scope, Map<String, ElementFacts> elements) {
		for (Element child : Dom.children(scope)) {
			if (!SlNamespace.BPMN.equals(child.getNamespaceURI()) || Dom.id(child) == null
					|| "extensionElements".equals(child.getLocalName())) {
				continue;
			}
			if (isFlowElement(child)) {
				elements.put(Dom.id(child), facts(child));
				if (FlowGraph.SCOPES.contains(child.getLocalName())) {
					collect(child, elements);
				}
			}
		}
	}

	private static boolean isFlowElement(Element element) {
		return FlowGraph.FLOW_NODES.contains(element.getLocalName()) || "sequenceFlow".equals(element.getLocalName());
	}

	private static ElementFacts facts(Element element) {
		Map<String, String> properties = new LinkedHashMap<>();
		flatten(element, "", properties);
		properties.remove("@id");
		return new ElementFacts(element.getLocalName(), Dom.text(element, "name"), properties);
	}

	private static void flatten(Element element, String path, Map<String, String> properties) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				continue;
			}
			properties.put(path + "@" + qualified(attribute), attribute.getValue());
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<Element> children = Dom.children(element);
		StringBuilder text = new StringBuilder();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
		}
		if (children.isEmpty() && !text.toString().isBlank()) {
			properties.put(path + "#text", text.toString().trim());
		}
		for (Element child : children) {
			boolean bpmn = SlNamespace.BPMN.equals(child.getNamespaceURI());
			if (bpmn && (REDUNDANT.contains(child.getLocalName())
					|| (Dom.id(child) != null && isFlowElement(child)) || "laneSet".equals(child.getLocalName()))) {
				continue;
			}
			int index = seen.merge(child.getLocalName(), 1, Integer::sum);
			String name = child.getLocalName() + (index > 1 ? "[" + index + "]" : "");
			flatten(child, path + name + "/", properties);
		}
	}

	private static String qualified(Attr attribute) {
		String namespace = attribute.getNamespaceURI();
		if (namespace == null) {
			return attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		}
		String prefix = switch (namespace) {
			case SlNamespace.CAMUNDA -> "camunda:";
			case SlNamespace.URI -> "sl:";
			default -> "{" + namespace + "}";
		};
		return prefix + attribute.getLocalName();
	}

}
