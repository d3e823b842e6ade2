package org.sunlight.modeling.compiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.support.Models;

/** A compiled fixture, read back with Camunda's own model API. */
record Compiled(byte[] bytes, BpmnModelInstance model) {

	static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";
	static final String COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

	static Compiled of(String fixture) {
		return of(Models.bytes(fixture));
	}

	static Compiled of(byte[] source) {
		byte[] bytes = new SupervisionCompiler().compile(source);
		return new Compiled(bytes, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
	}

	String text() {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	<T extends ModelElementInstance> T element(String id) {
		T element = model.getModelElementById(id);
		if (element == null) {
			throw new AssertionError("no element " + id + " in the compiled model");
		}
		return element;
	}

	<T extends BaseElement> List<T> generated(Class<T> type) {
		return all(type).stream().filter(e -> e.getId().startsWith("SL_")).toList();
	}

	<T extends ModelElementInstance> Collection<T> all(Class<T> type) {
		return model.getModelElementsByType(type);
	}

	BpmnShape shapeOf(String elementId) {
		return all(BpmnShape.class).stream()
			.filter(s -> s.getBpmnElement() != null && elementId.equals(s.getBpmnElement().getId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no shape for " + elementId));
	}

	BpmnEdge edgeOf(String flowId) {
		return all(BpmnEdge.class).stream()
			.filter(e -> e.getBpmnElement() != null && flowId.equals(e.getBpmnElement().getId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no edge for " + flowId));
	}

}
