package org.sunlight.modeling.internal.validation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.ModelValidator;
import org.sunlight.modeling.ValidationReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks a designer's model against BPMN-EXTENSION.md. Unreadable, hostile or non-BPMN input is
 * refused with an exception; everything else, breaches of the BPMN schema included, becomes
 * problems worded in the request's locale (messages from {@code i18n/problems}).
 */
@Component
public class SlModelValidator implements ModelValidator {

	private final MessageSource messages;
	private final CodeExecutionRules codeExecution;
	private final ModelBounds bounds;

	/** Refuses, in expressions, the name of every bean of the application besides variables. */
	@Autowired
	SlModelValidator(MessageSource messages, ListableBeanFactory beans,
			@Value("${sunlight.modeling.max-loop-cardinality:100}") int maxLoopCardinality,
			@Value("${sunlight.modeling.max-timer-repeats:100}") int maxTimerRepeats,
			@Value("${sunlight.modeling.min-timer-interval:PT1H}") Duration minTimerInterval) {
		this(messages, beans::containsBean, new ModelBounds(maxLoopCardinality, maxTimerRepeats, minTimerInterval));
	}

	/**
	 * @param isBeanName names that resolve to beans and so must not appear in expressions
	 * @param bounds how often a model may make the engine repeat work
	 */
	public SlModelValidator(MessageSource messages, Predicate<String> isBeanName, ModelBounds bounds) {
		this.messages = messages;
		this.codeExecution = new CodeExecutionRules(ExpressionPolicy.drawn(isBeanName));
		this.bounds = bounds;
	}

	@Override
	public ValidationReport validate(byte[] xml) {
		return validate(xml, LocaleContextHolder.getLocale());
	}

	public ValidationReport validate(byte[] xml, Locale locale) {
		Document document = Refusals.read(xml);
		Element definitions = document.getDocumentElement();
		Problems problems = new Problems(messages, locale);
		// Sunlight's rules read a model that is BPMN; a broken one gets where it breaks the standard.
		if (!BpmnSchema.check(xml, problems, locale) || !Refusals.camundaReads(document, problems)) {
			return problems.report();
		}
		codeExecution.check(definitions, problems);
		TimerRules.check(definitions, bounds, problems);
		LoopRules.check(definitions, bounds, problems);
		Optional<Element> process = PowerProcess.find(definitions, problems);
		if (process.isPresent()) {
			PowerRules.check(process.get(), problems);
			StepRules.check(process.get(), problems);
			DiscretionCheck.check(process.get(), problems);
			ReachabilityCheck.check(process.get(), problems);
			CaseLimitCheck.check(process.get(), problems);
		}
		SlPlacementCheck.check(definitions, process.orElse(null), problems);
		ReservedIdCheck.check(definitions, problems);
		return problems.report();
	}

}
