package org.sunlight.modeling.internal.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.xml.XMLConstants;

import org.sunlight.modeling.ImportProposal;
import org.sunlight.modeling.ImportProposal.Change;
import org.sunlight.modeling.ImportProposal.ImportNote;
import org.sunlight.modeling.ImportProposal.ImportedProcess;
import org.sunlight.modeling.ModelImport.Directory;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.SchemaHints;
import org.sunlight.modeling.internal.XmlNodes;
import org.sunlight.system.NotFoundException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * One import: reads the file with the same refusals as any upload, keeps the chosen process (with
 * its pool and lanes), makes every task a user task, drops what would run code or belongs to a
 * vendor, turns lanes into posts and the pool into the department, and adds the sl: skeletons.
 */
public final class ToolImport {

	/** Tasks a person cannot be given as they are; each becomes a user task. */
	private static final Set<String> TASK_KINDS = Set.of("task", "serviceTask", "scriptTask", "sendTask", "receiveTask",
			"manualTask", "businessRuleTask", "callActivity");

	/** Root elements a power cannot carry: imports of other documents, choreographies, global tasks. */
	private static final Set<String> DROPPED_ROOTS = Set.of("import", "choreography", "globalChoreographyTask",
			"globalConversation", "globalTask", "globalBusinessRuleTask", "globalManualTask", "globalScriptTask",
			"globalUserTask");

	/** Camunda attributes Sunlight reads as the responsible person; the rest of Camunda's are dropped. */
	private static final Set<String> ASSIGNMENTS = Set.of("candidateGroups", "candidateUsers", "assignee");

	/** Other engines' namespaces whose plain assignments mean what Camunda's do. */
	private static final Set<String> ENGINES = Set.of("http://activiti.org/bpmn", "http://flowable.org/bpmn",
			SlNamespace.CAMUNDA);

	/** What is kept: BPMN and its diagrams, Sunlight's extension, and bpmn.io's colours (only drawing hints). */
	private static final Set<String> STANDARD = Set.of(SlNamespace.BPMN, SlNamespace.BPMNDI, SlNamespace.DC,
			SlNamespace.DI, SlNamespace.URI, XMLConstants.XMLNS_ATTRIBUTE_NS_URI, SchemaHints.XSI,
			"http://bpmn.io/schema/bpmn/biocolor/1.0", "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

	private final Document document;
	private final Element root;
	private final List<ImportNote> notes = new ArrayList<>();
	/** The department the pool names, when the organisation has it. */
	private String department = "";
	private String camundaPrefix = "camunda";

	private ToolImport(Document document) {
		this.document = document;
		this.root = document.getDocumentElement();
	}

	public static ImportProposal propose(byte[] xml, String processId, Directory directory,
			Function<byte[], List<Problem>> validate) {
		Document document = SafeXml.parseBpmn(xml);
		SchemaHints.strip(document);
		ToolImport run = new ToolImport(document);
		List<ImportedProcess> processes = run.processes();
		Optional<Element> chosen = run.choose(processId, processes);
		if (chosen.isEmpty()) {
			return new ImportProposal(processes, null, null, false, List.of(), List.of());
		}
		Element process = chosen.get();
		run.keepOnly(process, directory);
		run.convert(process, directory);
		boolean drawn = run.drawn(process);
		if (!drawn) {
			run.note(Change.NO_DIAGRAM, process, null);
		}
		byte[] proposed = SafeXml.write(document);
		return new ImportProposal(processes, XmlNodes.attr(process, "id"), new String(proposed, StandardCharsets.UTF_8),
				drawn, run.notes, validate.apply(proposed));
	}

	private List<ImportedProcess> processes() {
		Map<String, String> pools = new LinkedHashMap<>();
		for (Element collaboration : XmlNodes.children(root, SlNamespace.BPMN, "collaboration")) {
			for (Element participant : XmlNodes.children(collaboration, SlNamespace.BPMN, "participant")) {
				String ref = XmlNodes.attr(participant, "processRef");
				if (ref != null) {
					pools.put(ref, XmlNodes.attr(participant, "name"));
				}
			}
		}
		List<ImportedProcess> found = new ArrayList<>();
		for (Element process : XmlNodes.children(root, SlNamespace.BPMN, "process")) {
			String id = XmlNodes.attr(process, "id");
			found.add(new ImportedProcess(id, XmlNodes.attr(process, "name"), pools.get(id), tasks(process).size(),
					XmlNodes.descendants(process, SlNamespace.BPMN, "lane").size()));
		}
		return found;
	}

	/** The requested process; else the only one with steps; else none (the caller chooses). */
	private Optional<Element> choose(String processId, List<ImportedProcess> processes) {
		List<Element> all = XmlNodes.children(root, SlNamespace.BPMN, "process");
		if (processId != null && !processId.isBlank()) {
			return Optional.of(all.stream()
				.filter(process -> processId.equals(XmlNodes.attr(process, "id")))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("the file has no process with id " + processId)));
		}
		List<Element> withSteps = all.stream().filter(process -> !tasks(process).isEmpty()).toList();
		if (withSteps.size() == 1) {
			return Optional.of(withSteps.get(0));
		}
		if (withSteps.isEmpty() && all.size() == 1) {
			return Optional.of(all.get(0));
		}
		return Optional.empty();
	}

	/** Removes the other processes, their pools, message flows and other root elements, and their shapes. */
	private void keepOnly(Element process, Directory directory) {
		String processId = XmlNodes.attr(process, "id");
		for (Element child : XmlNodes.children(root)) {
			if (!SlNamespace.BPMN.equals(child.getNamespaceURI())) {
				continue;
			}
			String kind = child.getLocalName();
			if ("process".equals(kind) && child != process) {
				note(Change.PROCESS_LEFT_OUT, child, null);
				root.removeChild(child);
			}
			else if ("collaboration".equals(kind)) {
				keepPool(child, processId, process, directory);
			}
			else if (DROPPED_ROOTS.contains(kind)) {
				note(Change.ROOT_ELEMENT_DROPPED, child, kind);
				root.removeChild(child);
			}
		}
		dropOrphanDrawings(processId);
	}

	private void keepPool(Element collaboration, String processId, Element process, Directory directory) {
		boolean ours = false;
		for (Element child : XmlNodes.children(collaboration)) {
			if (XmlNodes.is(child, SlNamespace.BPMN, "participant")) {
				if (processId.equals(XmlNodes.attr(child, "processRef"))) {
					ours = true;
					pool(child, process, directory);
					continue;
				}
				note(Change.PROCESS_LEFT_OUT, child, null);
			}
			else if (XmlNodes.is(child, SlNamespace.BPMN, "messageFlow")) {
				note(Change.MESSAGE_FLOW_DROPPED, child, null);
			}
			else if (XmlNodes.is(child, SlNamespace.BPMN, "documentation")
					|| XmlNodes.is(child, SlNamespace.BPMN, "extensionElements")) {
				continue;
			}
			collaboration.removeChild(child);
		}
		if (!ours) {
			root.removeChild(collaboration);
		}
	}

	/** The pool names the department that exercises the power. */
	private void pool(Element participant, Element process, Directory directory) {
		String name = XmlNodes.attr(participant, "name");
		if (XmlNodes.isBlank(XmlNodes.attr(process, "name")) && !XmlNodes.isBlank(name)) {
			process.setAttributeNS(null, "name", name);
		}
		if (XmlNodes.isBlank(name)) {
			return;
		}
		Optional<String> department = directory.departmentNamed(name.trim());
		if (department.isPresent()) {
			this.department = department.get();
			note(Change.POOL_BECAME_DEPARTMENT, participant, department.get());
		}
		else {
			note(Change.POOL_UNMATCHED, participant, null);
		}
	}

	/** Shapes and edges of elements no longer in the file, and diagrams of other processes. */
	private void dropOrphanDrawings(String processId) {
		Set<String> ids = new HashSet<>();
		for (Element element : XmlNodes.descendants(root, SlNamespace.BPMN, "*")) {
			String id = XmlNodes.attr(element, "id");
			if (id != null) {
				ids.add(id);
			}
		}
		for (Element diagram : XmlNodes.children(root, SlNamespace.BPMNDI, "BPMNDiagram")) {
			for (Element plane : XmlNodes.children(diagram, SlNamespace.BPMNDI, "BPMNPlane")) {
				String drawn = XmlNodes.attr(plane, "bpmnElement");
				if (drawn != null && !ids.contains(drawn)) {
					if (XmlNodes.children(root, SlNamespace.BPMN, "collaboration").isEmpty()
							&& hasShapeOf(plane, ids)) {
						plane.setAttributeNS(null, "bpmnElement", processId);
					}
					else {
						root.removeChild(diagram);
						break;
					}
				}
				for (Element shape : XmlNodes.children(plane)) {
					String element = XmlNodes.attr(shape, "bpmnElement");
					if (element != null && !ids.contains(element)) {
						plane.removeChild(shape);
					}
				}
			}
		}
	}

	private static boolean hasShapeOf(Element plane, Set<String> ids) {
		return XmlNodes.children(plane).stream().anyMatch(shape -> ids.contains(XmlNodes.attr(shape, "bpmnElement")));
	}

	private void convert(Element process, Directory directory) {
		process.setAttributeNS(null, "isExecutable", "true");
		declare(SlNamespace.PREFIX, SlNamespace.URI);
		camundaPrefix = declare("camunda", SlNamespace.CAMUNDA);
		cleanVendorParts(root);
		Map<String, String> posts = lanes(process, directory);
		for (Element task : tasks(process)) {
			Element userTask = task;
			if (!"userTask".equals(task.getLocalName())) {
				note(Change.TASK_BECAME_USER_TASK, task, task.getLocalName());
				dropImplementation(task);
				userTask = (Element) document.renameNode(task, SlNamespace.BPMN, qualified(task, "userTask"));
			}
			String post = posts.get(XmlNodes.attr(userTask, "id"));
			if (post != null && XmlNodes.isBlank(XmlNodes.attr(userTask, SlNamespace.CAMUNDA, "candidateGroups"))
					&& XmlNodes.isBlank(XmlNodes.attr(userTask, SlNamespace.CAMUNDA, "assignee"))) {
				userTask.setAttributeNS(SlNamespace.CAMUNDA, camundaPrefix + ":candidateGroups", post);
			}
			if (XmlNodes.descendants(userTask, SlNamespace.URI, "step").isEmpty()) {
				extensions(userTask).appendChild(document.createElementNS(SlNamespace.URI, SlNamespace.PREFIX + ":step"));
				note(Change.STEP_ADDED, userTask, null);
			}
		}
		for (Element flow : XmlNodes.descendants(process, SlNamespace.BPMN, "sequenceFlow")) {
			condition(flow);
		}
		if (XmlNodes.children(extensions(process), SlNamespace.URI, "power").isEmpty()) {
			Element power = document.createElementNS(SlNamespace.URI, SlNamespace.PREFIX + ":power");
			for (String name : List.of("code", "category")) {
				power.setAttributeNS(null, name, "");
			}
			power.setAttributeNS(null, "department", department);
			for (String name : List.of("legalBasis", "statutoryLimit", "promisedLimit")) {
				power.setAttributeNS(null, name, "");
			}
			power.setAttributeNS(null, "calendar", "workday");
			power.setAttributeNS(null, "public", "true");
			extensions(process).appendChild(power);
			note(Change.POWER_ADDED, process, null);
		}
		dropEmptyExtensions(root);
	}

	/** Each lane's tasks get the post the lane stands for; nested lanes win over their parents. */
	private Map<String, String> lanes(Element process, Directory directory) {
		Map<String, String> posts = new LinkedHashMap<>();
		for (Element lane : XmlNodes.descendants(process, SlNamespace.BPMN, "lane")) {
			String name = XmlNodes.attr(lane, "name");
			String laneId = XmlNodes.attr(lane, "id");
			Optional<String> known = XmlNodes.isBlank(name) ? Optional.empty() : directory.postNamed(name.trim());
			String post = known.orElseGet(() -> newPostId(laneId));
			note(known.isPresent() ? Change.LANE_BECAME_POST : Change.LANE_BECAME_NEW_POST, lane, post);
			for (Element ref : XmlNodes.children(lane, SlNamespace.BPMN, "flowNodeRef")) {
				posts.put(ref.getTextContent().trim(), post);
			}
		}
		return posts;
	}

	/** A post id Sunlight accepts, from the lane's id (ids are NCNames: letters, digits, . - _). */
	private static String newPostId(String laneId) {
		String id = laneId == null ? "lane" : laneId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
		return "post-" + id.replaceAll("^-+|-+$", "");
	}

	private void dropImplementation(Element task) {
		for (String attribute : List.of("implementation", "scriptFormat", "calledElement", "messageRef", "operationRef")) {
			if (task.hasAttributeNS(null, attribute)) {
				note(Change.IMPLEMENTATION_DROPPED, task, attribute);
				task.removeAttributeNS(null, attribute);
			}
		}
		for (Element script : XmlNodes.children(task, SlNamespace.BPMN, "script")) {
			note(Change.IMPLEMENTATION_DROPPED, task, "script");
			task.removeChild(script);
		}
	}

	/** A condition a script language evaluates, or one written in words, cannot decide the route. */
	private void condition(Element flow) {
		for (Element condition : XmlNodes.children(flow, SlNamespace.BPMN, "conditionExpression")) {
			String language = XmlNodes.attr(condition, "language");
			String text = condition.getTextContent().trim();
			boolean expression = text.startsWith("${") || text.startsWith("#{");
			if (language != null || !expression) {
				if (language == null && !text.isEmpty() && XmlNodes.isBlank(XmlNodes.attr(flow, "name"))) {
					flow.setAttributeNS(null, "name", text);
				}
				note(Change.CONDITION_DROPPED, flow, language != null ? language : text);
				flow.removeChild(condition);
			}
		}
	}

	/**
	 * Vendor elements and attributes anywhere, and the declarations of their namespaces (all their
	 * parts go); engines' plain assignments are kept as Camunda's.
	 */
	private void cleanVendorParts(Element element) {
		Element owner = parentWithId(element);
		NamedNodeMap attributes = element.getAttributes();
		List<Attr> vendor = new ArrayList<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String namespace = attribute.getNamespaceURI();
			boolean declaresVendor = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)
					&& !STANDARD.contains(attribute.getValue()) && !SlNamespace.CAMUNDA.equals(attribute.getValue());
			if (declaresVendor || namespace != null && !STANDARD.contains(namespace)) {
				vendor.add(attribute);
			}
		}
		for (Attr attribute : vendor) {
			element.removeAttributeNode(attribute);
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
				continue;
			}
			String value = attribute.getValue();
			boolean plain = !value.contains("${") && !value.contains("#{") && !value.isBlank();
			if (ENGINES.contains(attribute.getNamespaceURI()) && ASSIGNMENTS.contains(attribute.getLocalName()) && plain) {
				element.setAttributeNS(SlNamespace.CAMUNDA, camundaPrefix + ":" + attribute.getLocalName(), value);
				if (!SlNamespace.CAMUNDA.equals(attribute.getNamespaceURI())) {
					note(Change.ASSIGNMENT_KEPT, owner, attribute.getName());
				}
			}
			else {
				boolean runs = ENGINES.contains(attribute.getNamespaceURI());
				note(runs ? Change.IMPLEMENTATION_DROPPED : Change.VENDOR_ATTRIBUTE_DROPPED, owner, attribute.getName());
			}
		}
		for (Element child : XmlNodes.children(element)) {
			if (!STANDARD.contains(child.getNamespaceURI())) {
				boolean runs = ENGINES.contains(child.getNamespaceURI());
				note(runs ? Change.IMPLEMENTATION_DROPPED : Change.VENDOR_EXTENSION_DROPPED, owner, child.getTagName());
				element.removeChild(child);
			}
			else {
				cleanVendorParts(child);
			}
		}
	}

	private static Element parentWithId(Element element) {
		Node node = element;
		while (node instanceof Element current) {
			if (XmlNodes.attr(current, "id") != null) {
				return current;
			}
			node = current.getParentNode();
		}
		return element;
	}

	private void dropEmptyExtensions(Element element) {
		for (Element extensions : XmlNodes.descendants(element, SlNamespace.BPMN, "extensionElements")) {
			if (XmlNodes.children(extensions).isEmpty()) {
				extensions.getParentNode().removeChild(extensions);
			}
		}
	}

	/** The element's extensionElements, made where BPMN wants it: before everything but documentation. */
	private Element extensions(Element element) {
		List<Element> existing = XmlNodes.children(element, SlNamespace.BPMN, "extensionElements");
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		Element extensions = document.createElementNS(SlNamespace.BPMN, qualified(element, "extensionElements"));
		Node before = XmlNodes.children(element)
			.stream()
			.filter(child -> !XmlNodes.is(child, SlNamespace.BPMN, "documentation"))
			.findFirst()
			.orElse(null);
		element.insertBefore(extensions, before);
		return extensions;
	}

	private static String qualified(Element like, String localName) {
		return like.getPrefix() == null ? localName : like.getPrefix() + ":" + localName;
	}

	/** Declares the namespace on the root under the prefix, or a free variant of it when the file uses that one. */
	private String declare(String preferred, String namespace) {
		String existing = root.lookupPrefix(namespace);
		if (existing != null) {
			return existing;
		}
		String prefix = preferred;
		for (int i = 2; root.lookupNamespaceURI(prefix) != null; i++) {
			prefix = preferred + i;
		}
		root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
		return prefix;
	}

	private static List<Element> tasks(Element process) {
		List<Element> tasks = new ArrayList<>();
		for (Element element : XmlNodes.descendants(process, SlNamespace.BPMN, "*")) {
			if ("userTask".equals(element.getLocalName()) || TASK_KINDS.contains(element.getLocalName())) {
				tasks.add(element);
			}
		}
		return tasks;
	}

	private boolean drawn(Element process) {
		Set<String> nodes = new HashSet<>();
		tasks(process).forEach(task -> nodes.add(XmlNodes.attr(task, "id")));
		return XmlNodes.descendants(root, SlNamespace.BPMNDI, "BPMNShape")
			.stream()
			.anyMatch(shape -> nodes.contains(XmlNodes.attr(shape, "bpmnElement")));
	}

	private void note(Change change, Element element, String detail) {
		notes.add(new ImportNote(change, XmlNodes.attr(element, "id"), XmlNodes.attr(element, "name"), detail));
	}

}
