package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.context.MessageSource;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.SchemaHints;
import org.w3c.dom.Document;

/**
 * What the engine itself checks of every BPMN resource before its parser reads a byte of it, by
 * whatever way the resource came (the designer's API, start-up, a test, a later release's code):
 * the same {@link CodeExecutionRules} as the validator, with the compiled policy, so that the
 * compiler's calls pass and nothing else that could run code does.
 */
public final class ModelGuard {

	private final MessageSource messages;
	private final CodeExecutionRules rules;

	public ModelGuard(MessageSource messages, Predicate<String> isBeanName) {
		this.messages = messages;
		this.rules = new CodeExecutionRules(ExpressionPolicy.compiled(isBeanName));
	}

	/**
	 * The errors for which the engine must refuse the resource; empty when it may be parsed.
	 * @throws org.sunlight.modeling.ModelRejectedException for hostile or malformed XML
	 */
	public List<Problem> refusals(byte[] xml) {
		Document document = SafeXml.parseBpmn(xml);
		// The compiler removes them; Camunda's parser would follow them.
		SchemaHints.carriers(document).stream().findFirst().ifPresent(element -> {
			throw new ModelRejectedException(Reason.HOSTILE, "the XML names schema locations (xsi:schemaLocation on <"
					+ element.getTagName() + ">); the engine's parser would fetch them");
		});
		Problems problems = new Problems(messages, Locale.ENGLISH);
		rules.check(document.getDocumentElement(), problems);
		return problems.report().problems().stream().filter(Problem::isError).toList();
	}

}
