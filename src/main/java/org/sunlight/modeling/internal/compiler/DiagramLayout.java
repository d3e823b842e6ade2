package org.sunlight.modeling.internal.compiler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.XmlNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws the added clocks into the diagram, so the deployed diagram shows them, in yellow and red
 * (bpmn-js reads both the {@code bioc:} and the {@code color:} colour attributes). Step clocks sit
 * on the bottom edge of their task, yellow at a third of its width and red at two thirds, with
 * their end events below and a little apart; the yellow event's label goes left and the red one's
 * right so the pair never overlaps, end events are labelled below.
 * The case clocks are expanded event sub-processes side by side below everything else.
 * <p>
 * Only generated diagram elements are added and no designer shape moves: a recompilation must
 * find the same free space again. A source without a diagram gets no diagram.
 */
final class DiagramLayout {

	private static final int EVENT = 36;
	/** From the top of a boundary event to the top of its end event. */
	private static final int END_DROP = 80;
	/** End events move apart by this much: boundary events a third of a task apart would touch. */
	private static final int END_SPREAD = 12;
	/** Where a step clock's flow bends sideways, below the task's bottom edge. */
	private static final int BEND = 40;
	private static final int CASE_WIDTH = 260;
	private static final int CASE_HEIGHT = 140;
	private static final int CASE_GAP = 40;
	private static final int CASE_MARGIN = 60;
	private static final int CASE_START_X = 50;
	private static final int CASE_END_X = 174;
	private static final int CASE_EVENT_Y = 52;
	private static final int LABEL_HEIGHT = 14;
	/** Roughly one CJK character of bpmn-js's 11 px label font. */
	private static final int LABEL_CHAR_WIDTH = 12;
	private static final int LABEL_GAP = 4;

	private final Document document;
	private final ModelWriter writer;

	DiagramLayout(Document document, ModelWriter writer) {
		this.document = document;
		this.writer = writer;
	}

	void drawStepClocks(String taskId) {
		Element taskShape = shapeOf(taskId);
		Box task = taskShape == null ? null : Box.of(taskShape);
		if (task == null) {
			return;
		}
		Element plane = (Element) taskShape.getParentNode();
		long bottom = Math.round(task.y() + task.height());
		for (Level level : Level.values()) {
			// yellow (declared first) at one third of the width, red at two thirds
			long centre = Math.round(task.x() + task.width() * (level.ordinal() + 1) / 3);
			long endCentre = level == Level.YELLOW ? centre - END_SPREAD : centre + END_SPREAD;
			Box event = new Box(centre - EVENT / 2, bottom - EVENT / 2, EVENT, EVENT);
			Box end = new Box(endCentre - EVENT / 2, event.y() + END_DROP, EVENT, EVENT);
			shape(plane, level.stepEvent(taskId), event, level,
					beside(level, centre, event.bottom() + 2, level.stepEventName));
			shape(plane, level.stepEnd(taskId), end, level, below(end, level.endName));
			edge(plane, level.stepFlow(taskId), level, centre, event.bottom(), centre, bottom + BEND, endCentre,
					bottom + BEND, endCentre, end.y());
		}
	}

	void drawCaseClocks(Element process) {
		Element plane = planeOf(process);
		if (plane == null) {
			return;
		}
		double lowest = Double.NEGATIVE_INFINITY;
		double left = Double.POSITIVE_INFINITY;
		for (Element bounds : XmlNodes.descendants(plane, SlNamespace.DC, "Bounds")) {
			Box box = Box.parse(bounds);
			if (box != null) {
				lowest = Math.max(lowest, box.bottom());
				if (XmlNodes.is(bounds.getParentNode(), SlNamespace.BPMNDI, "BPMNShape")) {
					left = Math.min(left, box.x());
				}
			}
		}
		long x = left == Double.POSITIVE_INFINITY ? 0 : Math.round(left);
		long y = (lowest == Double.NEGATIVE_INFINITY ? 0 : Math.round(lowest)) + CASE_MARGIN;
		for (Level level : Level.values()) {
			drawCaseClock(plane, level, new Box(x, y, CASE_WIDTH, CASE_HEIGHT));
			x += CASE_WIDTH + CASE_GAP;
		}
	}

	private void drawCaseClock(Element plane, Level level, Box area) {
		Element subProcess = shape(plane, level.caseSubProcess(), area, level, null);
		subProcess.setAttributeNS(null, "isExpanded", "true");
		Box start = new Box(area.x() + CASE_START_X, area.y() + CASE_EVENT_Y, EVENT, EVENT);
		Box end = new Box(area.x() + CASE_END_X, area.y() + CASE_EVENT_Y, EVENT, EVENT);
		shape(plane, level.caseStart(), start, level, below(start, level.caseStartName));
		shape(plane, level.caseEnd(), end, level, below(end, level.endName));
		double middle = start.y() + EVENT / 2;
		edge(plane, level.caseFlow(), level, start.right(), middle, end.x(), middle);
	}

	/** A label left of {@code x} for yellow, right of it for red. */
	private static Box beside(Level level, double x, double y, String text) {
		double width = labelWidth(text);
		double labelX = level == Level.YELLOW ? x - LABEL_GAP - width : x + LABEL_GAP;
		return new Box(labelX, y, width, LABEL_HEIGHT);
	}

	private static Box below(Box event, String text) {
		double width = labelWidth(text);
		return new Box(event.x() + (EVENT - width) / 2, event.bottom() + LABEL_GAP, width, LABEL_HEIGHT);
	}

	private static double labelWidth(String text) {
		return (double) LABEL_CHAR_WIDTH * text.codePointCount(0, text.length());
	}

	private Element shape(Element plane, String elementId, Box box, Level level, Box label) {
		Element shape = writer.element(SlNamespace.BPMNDI, "BPMNShape");
		shape.setAttributeNS(null, "id", Level.diagramId(elementId));
		shape.setAttributeNS(null, "bpmnElement", elementId);
		colour(shape, level, true);
		shape.appendChild(bounds(box));
		if (label != null) {
			Element bpmnLabel = writer.element(SlNamespace.BPMNDI, "BPMNLabel");
			bpmnLabel.appendChild(bounds(label));
			shape.appendChild(bpmnLabel);
		}
		plane.appendChild(shape);
		return shape;
	}

	/** @param points x and y of each waypoint in turn */
	private void edge(Element plane, String flowId, Level level, double... points) {
		Element edge = writer.element(SlNamespace.BPMNDI, "BPMNEdge");
		edge.setAttributeNS(null, "id", Level.diagramId(flowId));
		edge.setAttributeNS(null, "bpmnElement", flowId);
		colour(edge, level, false);
		for (int i = 0; i + 1 < points.length; i += 2) {
			edge.appendChild(waypoint(points[i], points[i + 1]));
		}
		plane.appendChild(edge);
	}

	private void colour(Element diagramElement, Level level, boolean filled) {
		writer.attribute(diagramElement, ModelWriter.BIOC, "stroke", level.stroke);
		writer.attribute(diagramElement, ModelWriter.COLOR, "border-color", level.stroke);
		if (filled) {
			writer.attribute(diagramElement, ModelWriter.BIOC, "fill", level.fill);
			writer.attribute(diagramElement, ModelWriter.COLOR, "background-color", level.fill);
		}
	}

	private Element bounds(Box box) {
		Element bounds = writer.element(SlNamespace.DC, "Bounds");
		bounds.setAttributeNS(null, "x", number(box.x()));
		bounds.setAttributeNS(null, "y", number(box.y()));
		bounds.setAttributeNS(null, "width", number(box.width()));
		bounds.setAttributeNS(null, "height", number(box.height()));
		return bounds;
	}

	private Element waypoint(double x, double y) {
		Element waypoint = writer.element(SlNamespace.DI, "waypoint");
		waypoint.setAttributeNS(null, "x", number(x));
		waypoint.setAttributeNS(null, "y", number(y));
		return waypoint;
	}

	/** Generated coordinates are whole pixels: anchors taken from the designer's shapes are rounded. */
	private static String number(double value) {
		return Long.toString(Math.round(value));
	}

	/** The task's shape on some plane: the process's, or a collapsed sub-process's own. */
	private Element shapeOf(String elementId) {
		for (Element shape : XmlNodes.descendants(document.getDocumentElement(), SlNamespace.BPMNDI, "BPMNShape")) {
			if (elementId.equals(XmlNodes.attr(shape, "bpmnElement"))
					&& XmlNodes.is(shape.getParentNode(), SlNamespace.BPMNDI, "BPMNPlane")) {
				return shape;
			}
		}
		return null;
	}

	/** The plane drawing the process, directly or as a pool of a collaboration. */
	private Element planeOf(Element process) {
		String processId = XmlNodes.attr(process, "id");
		Set<String> drawing = new HashSet<>();
		drawing.add(processId);
		Element root = document.getDocumentElement();
		for (Element collaboration : XmlNodes.children(root, SlNamespace.BPMN, "collaboration")) {
			List<Element> participants = XmlNodes.children(collaboration, SlNamespace.BPMN, "participant");
			if (participants.stream().anyMatch(p -> processId.equals(XmlNodes.attr(p, "processRef")))) {
				drawing.add(XmlNodes.attr(collaboration, "id"));
			}
		}
		for (Element plane : XmlNodes.descendants(root, SlNamespace.BPMNDI, "BPMNPlane")) {
			if (drawing.contains(XmlNodes.attr(plane, "bpmnElement"))) {
				return plane;
			}
		}
		return null;
	}

	record Box(double x, double y, double width, double height) {

		double right() {
			return x + width;
		}

		double bottom() {
			return y + height;
		}

		/** The shape's bounds, {@code null} when missing or unreadable. */
		static Box of(Element shape) {
			return XmlNodes.children(shape, SlNamespace.DC, "Bounds").stream().findFirst().map(Box::parse).orElse(null);
		}

		static Box parse(Element bounds) {
			try {
				Box box = new Box(Double.parseDouble(bounds.getAttribute("x")),
						Double.parseDouble(bounds.getAttribute("y")), Double.parseDouble(bounds.getAttribute("width")),
						Double.parseDouble(bounds.getAttribute("height")));
				return Double.isFinite(box.right()) && Double.isFinite(box.bottom()) ? box : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
