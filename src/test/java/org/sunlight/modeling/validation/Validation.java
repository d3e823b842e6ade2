package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.Severity;
import org.sunlight.modeling.ValidationReport;
import org.sunlight.modeling.internal.validation.ModelBounds;
import org.sunlight.modeling.internal.validation.ModelGuard;
import org.sunlight.modeling.internal.validation.SlModelValidator;
import org.sunlight.support.Models;

/** A validator without Spring, the valid fixture and small ways to break it. */
final class Validation {

	/** Stand-ins for beans of the application, which expressions must not name. */
	static final Set<String> BEANS = Set.of("dataSource", "runtimeService", "repositoryService", "processEngine",
			"jdbcTemplate", "slClock", "slEscalations");

	static final SlModelValidator VALIDATOR = new SlModelValidator(messages(), BEANS::contains, ModelBounds.DEFAULTS);

	/** The engine's check of what it deploys: the compiled policy. */
	static final ModelGuard GUARD = new ModelGuard(messages(), BEANS::contains);

	private Validation() {
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** The minimal valid power: three supervised steps, a gateway, two ends, no problem at all. */
	static String valid() {
		return Models.text("validation/valid-power.bpmn");
	}

	static String compiled() {
		return Models.text("validation/compiled-power.bpmn");
	}

	/** Replaces exactly one occurrence, so that a fixture edit cannot silently miss. */
	static String edit(String xml, String target, String replacement) {
		int first = xml.indexOf(target);
		assertThat(first).as("fixture contains %s", target).isNotNegative();
		assertThat(xml.indexOf(target, first + 1)).as("fixture contains %s only once", target).isNegative();
		return xml.substring(0, first) + replacement + xml.substring(first + target.length());
	}

	/** The valid fixture with one edit. */
	static String validWith(String target, String replacement) {
		return edit(valid(), target, replacement);
	}

	/** Drops the extension elements (and so the step) of a user task. */
	static String withoutExtensionsOf(String xml, String taskId) {
		String result = xml.replaceFirst("(?s)(<bpmn:userTask id=\"" + taskId + "\"[^>]*>)\\s*<bpmn:extensionElements>.*?"
				+ "</bpmn:extensionElements>", "$1");
		assertThat(result).as("extension elements of %s removed", taskId).isNotEqualTo(xml);
		return result;
	}

	/** Inserts content into the process, just before its end. */
	static String validPlus(String processContent) {
		return validWith("  </bpmn:process>", processContent + "\n  </bpmn:process>");
	}

	static ValidationReport validate(String xml) {
		return VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
	}

	static ValidationReport validate(String xml, Locale locale) {
		return VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8), locale);
	}

	static void assertProblem(ValidationReport report, String code, String elementId, Severity severity) {
		assertThat(report.problems()).extracting(Problem::code, Problem::elementId, Problem::severity)
			.contains(tuple(code, elementId, severity));
	}

	static void assertError(String xml, String code, String elementId) {
		ValidationReport report = validate(xml);
		assertProblem(report, code, elementId, Severity.ERROR);
		assertThat(report.valid()).isFalse();
	}

	static void assertWarning(String xml, String code, String elementId) {
		ValidationReport report = validate(xml);
		assertProblem(report, code, elementId, Severity.WARNING);
		assertThat(report.valid()).as("warnings do not block: %s", report.errors()).isTrue();
	}

	/** The engine's guard (compiled policy) accepts the model: what the compiler writes may run. */
	static void assertEngineAccepts(String xml) {
		assertThat(GUARD.refusals(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	/** The engine's guard refuses the model with that code on that element. */
	static void assertEngineRefuses(String xml, String code, String elementId) {
		assertThat(GUARD.refusals(xml.getBytes(StandardCharsets.UTF_8))).extracting(Problem::code, Problem::elementId)
			.contains(tuple(code, elementId));
	}

	static void assertNoProblem(String xml) {
		assertThat(validate(xml).problems()).isEmpty();
	}

}
