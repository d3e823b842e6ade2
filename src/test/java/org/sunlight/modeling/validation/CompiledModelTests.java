package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertEngineAccepts;
import static org.sunlight.modeling.validation.Validation.assertEngineRefuses;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.compiled;
import static org.sunlight.modeling.validation.Validation.edit;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validate;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.modeling.internal.validation.PowerReader;
import org.sunlight.support.Models;

/**
 * The engine accepts what the compiler writes: its timers, escalation end events and case-level
 * event sub-processes use only the allowed calls. The validator, which reads models as drawn,
 * refuses those calls: a designer who writes them forges a clock or an alarm.
 */
class CompiledModelTests {

	@Test
	void acceptsTheShapeTheCompilerProduces() {
		assertEngineAccepts(compiled());
		assertError(compiled(), "EXPRESSION_NOT_ALLOWED", "SL_CaseRedEnd");
	}

	@Test
	void acceptsWhatTheCompilerMakesOfTheValidFixture() {
		byte[] compiled = new SupervisionCompiler().compile(valid().getBytes(StandardCharsets.UTF_8));
		String xml = new String(compiled, StandardCharsets.UTF_8);
		assertThat(xml).contains("SL_Yellow_Task_Review", "SL_CaseRed");
		assertEngineAccepts(xml);
		assertThat(new PowerReader().describe(compiled)).isEqualTo(new PowerReader().describe(valid().getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void acceptsTheSampleUsedByTheApiTests() {
		assertThat(validate(Models.text("api/seal-engraving-permit.bpmn")).problems()).isEmpty();
	}

	@Test
	void stillRefusesAGeneratedLookingElementThatCallsAnythingElse() {
		String xml = edit(compiled(), "${slEscalations.raiseCase(execution, 'RED')}",
				"${slEscalations.getClass().getClassLoader()}");
		assertError(xml, "EXPRESSION_NOT_ALLOWED", "SL_CaseRedEnd");
		assertEngineRefuses(xml, "EXPRESSION_NOT_ALLOWED", "SL_CaseRedEnd");
	}

}
