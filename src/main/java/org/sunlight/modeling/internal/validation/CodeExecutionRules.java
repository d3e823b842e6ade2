package org.sunlight.modeling.internal.validation;

import java.util.Set;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Models cannot run code chosen by the uploader (BPMN-EXTENSION.md). Walks the whole document,
 * not only the power's process: messages and signals at the top level are evaluated too. Every
 * attribute and text is searched for expressions, because Camunda evaluates them in more places
 * than any list would remember (conditions, assignees, timers, input/output, form defaults,
 * message and signal names…); only what the engine never evaluates is skipped: documentation
 * other than a user task's, text annotations, the diagram and the {@code sl:} extension itself.
 * docs/security.md lists every place where Camunda 7.24's parser makes text into an expression.
 * <p>
 * The engine runs these rules too, on every deployment ({@code ModelGuard}), with the compiled
 * policy: one rule for what a designer may draw and for what the engine agrees to parse.
 */
public final class CodeExecutionRules {

	private static final Set<String> DI_NAMESPACES = Set.of(SlNamespace.BPMNDI, SlNamespace.DI, SlNamespace.DC);

	/** Camunda 7 still reads its extensions in Activiti's old namespace, unseen by every rule here. */
	static final String ACTIVITI = "http://activiti.org/bpmn";

	/** Service-like tasks: Camunda refuses them without an implementation, and most implementations are code. */
	private static final Set<String> SERVICE_LIKE = Set.of("serviceTask", "sendTask", "businessRuleTask");

	/** Unqualified attributes of Camunda's listener-like elements that name code; reported on their own. */
	private static final Set<String> LISTENER_CODE = Set.of("class", "delegateExpression");

	private final ExpressionPolicy expressions;

	public CodeExecutionRules(ExpressionPolicy expressions) {
		this.expressions = expressions;
	}

	void check(Element definitions, Problems problems) {
		visit(definitions, problems);
	}

	private void visit(Element element, Problems problems) {
		String namespace = String.valueOf(element.getNamespaceURI());
		if (namespace.equals(SlNamespace.URI) || DI_NAMESPACES.contains(namespace)) {
			return;
		}
		if (namespace.equals(SlNamespace.BPMN) && !checkBpmnElement(element, problems)) {
			return;
		}
		if (namespace.equals(SlNamespace.CAMUNDA) && !checkCamundaElement(element, problems)) {
			return;
		}
		if (namespace.equals(ACTIVITI)) {
			problems.add(ProblemCode.LEGACY_NAMESPACE_NOT_ALLOWED, Dom.owner(element), element.getTagName());
			return;
		}
		checkAttributes(element, problems);
		// The engine reads an element's text as all its own character data joined, around comments,
		// CDATA sections and child elements; "$<!---->{…}" is one expression to it, so to us.
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				visit(childElement, problems);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
		}
		checkExpressions(element, text.toString(), problems);
	}

	/** @return whether the element's content is worth searching further */
	private boolean checkBpmnElement(Element element, Problems problems) {
		String name = element.getLocalName();
		switch (name) {
			case "documentation" -> {
				// Camunda makes a user task's documentation the task's description expression.
				return element.getParentNode() instanceof Element owner && SlNamespace.BPMN.equals(owner.getNamespaceURI())
						&& "userTask".equals(owner.getLocalName());
			}
			case "textAnnotation" -> {
				return false;
			}
			case "scriptTask" -> {
				problems.add(ProblemCode.SCRIPT_TASK_NOT_ALLOWED, element);
				return false;
			}
			case "callActivity" -> problems.add(ProblemCode.CALL_ACTIVITY_NOT_ALLOWED, element);
			case "import" -> problems.add(ProblemCode.IMPORT_NOT_ALLOWED, Dom.owner(element),
					String.valueOf(Dom.attr(element, "location")));
			default -> {
			}
		}
		if (SERVICE_LIKE.contains(name)) {
			checkImplementation(element, problems);
		}
		if (Dom.attr(element, "language") != null) {
			// A formal expression with a language is a script (Camunda's ScriptCondition and friends).
			problems.add(ProblemCode.SCRIPT_NOT_ALLOWED, Dom.owner(element), Dom.attr(element, "language"));
			return false;
		}
		return true;
	}

	private void checkImplementation(Element task, Problems problems) {
		String type = Dom.text(task, SlNamespace.CAMUNDA, "type");
		if (Dom.text(task, SlNamespace.CAMUNDA, "decisionRef") != null) {
			problems.add(ProblemCode.DECISION_NOT_ALLOWED, task, Dom.text(task, SlNamespace.CAMUNDA, "decisionRef"));
		}
		else if ("external".equals(type)) {
			problems.add(ProblemCode.EXTERNAL_TASK, task, String.valueOf(Dom.text(task, SlNamespace.CAMUNDA, "topic")));
		}
		else if (type != null) {
			problems.add(ProblemCode.TASK_WITHOUT_IMPLEMENTATION, task);
		}
		else if (Dom.attr(task, SlNamespace.CAMUNDA, "class") == null
				&& Dom.attr(task, SlNamespace.CAMUNDA, "delegateExpression") == null
				&& Dom.attr(task, SlNamespace.CAMUNDA, "expression") == null
				&& Dom.extensions(task, SlNamespace.CAMUNDA, "connector").isEmpty()) {
			problems.add(ProblemCode.TASK_WITHOUT_IMPLEMENTATION, task);
		}
	}

	/** @return whether the element's content is worth searching further */
	private boolean checkCamundaElement(Element element, Problems problems) {
		switch (element.getLocalName()) {
			case "script" -> {
				problems.add(ProblemCode.SCRIPT_NOT_ALLOWED, Dom.owner(element),
						String.valueOf(Dom.attr(element, "scriptFormat")));
				return false;
			}
			case "connector" -> {
				problems.add(ProblemCode.CONNECTOR_NOT_ALLOWED, Dom.owner(element), connectorId(element));
				return false;
			}
			case "constraint" -> {
				// A "validator" constraint names a class or a delegate expression to run.
				if ("validator".equals(Dom.text(element, "name"))) {
					problems.add(ProblemCode.CLASS_NOT_ALLOWED, Dom.owner(element), String.valueOf(Dom.attr(element, "config")));
				}
			}
			default -> {
			}
		}
		// Listener-like elements name their code in unqualified attributes.
		if (Dom.attr(element, "class") != null) {
			problems.add(ProblemCode.CLASS_NOT_ALLOWED, Dom.owner(element), Dom.attr(element, "class"));
		}
		if (Dom.attr(element, "delegateExpression") != null) {
			problems.add(ProblemCode.DELEGATE_EXPRESSION_NOT_ALLOWED, Dom.owner(element),
					Dom.attr(element, "delegateExpression"));
		}
		return true;
	}

	private void checkAttributes(Element element, Problems problems) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String namespace = attribute.getNamespaceURI();
			if ("http://www.w3.org/2000/xmlns/".equals(namespace) || SlNamespace.URI.equals(namespace)) {
				continue;
			}
			if (ACTIVITI.equals(namespace)) {
				problems.add(ProblemCode.LEGACY_NAMESPACE_NOT_ALLOWED, Dom.owner(element), attribute.getName());
				continue;
			}
			boolean code = SlNamespace.CAMUNDA.equals(namespace) ? checkCamundaAttribute(element, attribute, problems)
					: namespace == null && SlNamespace.CAMUNDA.equals(element.getNamespaceURI())
							&& LISTENER_CODE.contains(attribute.getLocalName());
			if (!code) {
				checkExpressions(element, attribute.getValue(), problems);
			}
		}
	}

	/** @return whether the attribute names code (and was reported as such) */
	private boolean checkCamundaAttribute(Element element, Attr attribute, Problems problems) {
		String value = attribute.getValue();
		switch (attribute.getLocalName()) {
			// A form handler class is instantiated while the model is parsed, before anything runs.
			case "class", "variableMappingClass", "formHandlerClass" -> problems.add(ProblemCode.CLASS_NOT_ALLOWED, Dom.owner(element), value);
			case "delegateExpression", "variableMappingDelegateExpression" -> problems
				.add(ProblemCode.DELEGATE_EXPRESSION_NOT_ALLOWED, Dom.owner(element), value);
			case "resource" -> problems.add(ProblemCode.SCRIPT_NOT_ALLOWED, Dom.owner(element), value);
			default -> {
				return false;
			}
		}
		return true;
	}

	private void checkExpressions(Element element, String text, Problems problems) {
		if (text == null || !ExpressionPolicy.mayContainExpression(text)) {
			return;
		}
		for (String refused : expressions.refused(text)) {
			problems.add(ProblemCode.EXPRESSION_NOT_ALLOWED, Dom.owner(element), refused);
		}
	}

	private static String connectorId(Element connector) {
		return Dom.children(connector, SlNamespace.CAMUNDA, "connectorId")
			.stream()
			.map(Element::getTextContent)
			.map(String::trim)
			.findFirst()
			.orElse("");
	}

}
