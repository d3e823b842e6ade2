package org.sunlight.modeling.internal.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.ValidationReport;
import org.w3c.dom.Element;

/**
 * Collects the findings of one validation and words them in the caller's locale. Every message
 * gets the element's label as argument {0}, so that MessageFormat always applies and quoting in
 * the properties files is uniform.
 */
final class Problems {

	private static final int MAX_QUOTED_LENGTH = 120;

	private final MessageSource messages;
	private final Locale locale;
	private final Set<Problem> found = new LinkedHashSet<>();

	Problems(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** A finding about an element; {@code args} become {1}, {2}… of the message. */
	void add(ProblemCode code, Element element, Object... args) {
		add(code, Dom.id(element), label(element), args);
	}

	void add(ProblemCode code, String elementId, String label, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = label;
		for (int i = 0; i < args.length; i++) {
			all[i + 1] = args[i] instanceof String text ? shorten(text) : args[i];
		}
		String message = messages.getMessage(code.messageKey(), all, code.name() + " " + label, locale);
		found.add(new Problem(elementId, code.severity(), code.name(), message));
	}

	/** A finding at a place in the file: {1} and {2} of the message are its line and column. */
	void addAt(ProblemCode code, String elementId, String label, int line, int column, String text) {
		String message = messages.getMessage(code.messageKey(), new Object[] { label, line, column, text },
				code.name() + " " + label, locale);
		found.add(new Problem(elementId, code.severity(), code.name(), message, line, column));
	}

	ValidationReport report() {
		List<Problem> problems = new ArrayList<>(found);
		return new ValidationReport(problems);
	}

	/** "审查" (Task_Review) when the element has a name, else its id. */
	String label(Element element) {
		String id = Dom.id(element);
		String name = Dom.text(element, "name");
		String shown = id == null ? "<" + element.getLocalName() + ">" : id;
		if (name == null) {
			return shown;
		}
		return messages.getMessage("problem.element", new Object[] { shorten(name), shown }, name + " (" + shown + ")",
				locale);
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\s+", " ").trim();
		return oneLine.length() <= MAX_QUOTED_LENGTH ? oneLine : oneLine.substring(0, MAX_QUOTED_LENGTH) + "…";
	}

}
