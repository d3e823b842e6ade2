package org.sunlight.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The import corpus ({@code models/import/}) and what a designer fills in after an import. */
public final class Imports {

	/** One file per tool dialect; {@code models/import/README.md} names them. */
	public static final List<String> CORPUS = List.of("camunda-modeler", "bpmn-io", "signavio", "bizagi", "aris",
			"adonis", "visio", "activiti", "flowable", "trisotech");

	private Imports() {
	}

	public static byte[] file(String name) {
		return Models.text("import/" + name + ".bpmn").getBytes(StandardCharsets.UTF_8);
	}

	/** What a designer fills in after the import: the catalog entry and each step's limit and supervisor. */
	public static byte[] fillIn(String xml, String file, boolean posts) {
		Document document = SafeXml.parse(xml);
		Element power = XmlNodes.descendants(document.getDocumentElement(), SlNamespace.URI, "power").get(0);
		power.setAttribute("code", "IMP-" + file.toUpperCase(Locale.ROOT));
		power.setAttribute("category", "LICENSING");
		power.setAttribute("legalBasis", "《中华人民共和国行政许可法》第四十二条");
		if (power.getAttribute("department").isEmpty()) {
			power.setAttribute("department", "land-bureau");
		}
		power.setAttribute("statutoryLimit", "P20D");
		power.setAttribute("promisedLimit", "P10D");
		for (Element step : XmlNodes.descendants(document.getDocumentElement(), SlNamespace.URI, "step")) {
			step.setAttribute("timeLimit", "P2D");
			step.setAttribute("supervisor", "group:discipline-office");
			Element task = (Element) step.getParentNode().getParentNode();
			if (posts && !task.hasAttributeNS(SlNamespace.CAMUNDA, "candidateGroups")) {
				task.setAttributeNS(SlNamespace.CAMUNDA, "camunda:candidateGroups", "personnel-office");
			}
		}
		return SafeXml.write(document);
	}

	/** Conditions for the flows out of exclusive gateways that a tool wrote in words (dropped on import). */
	public static byte[] withConditions(byte[] xml) {
		Document document = SafeXml.parse(new String(xml, StandardCharsets.UTF_8));
		for (Element gateway : XmlNodes.descendants(document.getDocumentElement(), SlNamespace.BPMN, "exclusiveGateway")) {
			int route = 0;
			for (Element flow : XmlNodes.descendants(document.getDocumentElement(), SlNamespace.BPMN, "sequenceFlow")) {
				if (gateway.getAttribute("id").equals(flow.getAttribute("sourceRef"))
						&& XmlNodes.children(flow, SlNamespace.BPMN, "conditionExpression").isEmpty()) {
					Element condition = document.createElementNS(SlNamespace.BPMN, flow.getPrefix() == null
							? "conditionExpression" : flow.getPrefix() + ":conditionExpression");
					condition.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type",
							flow.getPrefix() == null ? "tFormalExpression" : flow.getPrefix() + ":tFormalExpression");
					condition.setTextContent("${route == " + route++ + "}");
					flow.appendChild(condition);
				}
			}
		}
		return SafeXml.write(document);
	}

}
