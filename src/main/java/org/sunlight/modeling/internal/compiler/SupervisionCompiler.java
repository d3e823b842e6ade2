package org.sunlight.modeling.internal.compiler;

import java.util.List;

import org.springframework.stereotype.Component;
import org.sunlight.modeling.ModelCompiler;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.SchemaHints;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Compiles a validated source model into the executable one (BPMN-EXTENSION.md, "What the
 * compiler adds"): the yellow and red clocks of every supervised step and of the case, drawn into
 * the diagram, plus what Camunda needs to deploy. Everything generated has an {@code SL_} id and is
 * removed first, so compiling compiled output changes nothing; the output depends on the source
 * bytes alone.
 */
@Component
public class SupervisionCompiler implements ModelCompiler {

	@Override
	public byte[] compile(byte[] sourceXml) {
		Document document = SafeXml.parseBpmn(sourceXml);
		SchemaHints.strip(document);
		GeneratedElements.strip(document);
		Element process = powerProcess(document);
		ModelWriter writer = new ModelWriter(document);
		ClockParts parts = new ClockParts(writer);
		ExecutableSettings.apply(process, writer);
		List<String> clockedSteps = StepClocks.add(process, parts);
		CaseClocks.add(process, parts);
		DiagramLayout layout = new DiagramLayout(document, writer);
		clockedSteps.forEach(layout::drawStepClocks);
		layout.drawCaseClocks(process);
		return CanonicalXml.serialize(document);
	}

	/**
	 * The process carrying {@code sl:power}; failing that (the validator refuses such a model), the
	 * executable process, or the first one.
	 */
	private static Element powerProcess(Document document) {
		List<Element> processes = XmlNodes.children(document.getDocumentElement(), SlNamespace.BPMN, "process");
		return processes.stream()
			.filter(SupervisionCompiler::hasPower)
			.findFirst()
			.or(() -> processes.stream().filter(p -> "true".equals(XmlNodes.attr(p, "isExecutable"))).findFirst())
			.or(() -> processes.stream().findFirst())
			.orElseThrow(() -> new IllegalArgumentException("the model has no process to compile"));
	}

	private static boolean hasPower(Element process) {
		return XmlNodes.children(process, SlNamespace.BPMN, "extensionElements").stream()
			.anyMatch(extensions -> !XmlNodes.children(extensions, SlNamespace.URI, "power").isEmpty());
	}

}
