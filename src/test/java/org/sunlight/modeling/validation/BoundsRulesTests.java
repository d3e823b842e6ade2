package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.validPlus;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.modeling.Problem;

/**
 * A drawn timer is a fixed ISO-8601 value the engine can read, and neither a timer cycle nor a
 * multi-instance loop can flood the engine (defaults: 100 repetitions at least an hour apart, 100
 * instances).
 */
class BoundsRulesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "timeDate|2026-12-31T17:00:00+08:00", "timeDate|2026-12-31T17:00:00",
			"timeDate|2026-12-31", "timeDuration|P3D", "timeDuration|PT4H", "timeDuration|P1DT4H", "timeCycle|R3/PT4H",
			"timeCycle|R100/PT1H", "timeCycle|R2/2026-12-31T09:00:00+08:00/P1D", "timeCycle|R1/P10D" })
	void acceptsFixedIsoTimers(String kind, String value) {
		assertThat(validate(timer(kind, value)).problems()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "timeDuration|5 minutes", "timeDuration|pt5m", "timeDuration|P1M",
			"timeDuration|${wait}", "timeDuration|PT0S", "timeDate|tomorrow", "timeDate|${due}", "timeDate|P3D",
			"timeDate|2026-13-01", "timeCycle|R/PT1S", "timeCycle|R/PT1H", "timeCycle|0 0/5 * * * ?",
			"timeCycle|${cycle}", "timeCycle|R3/P1D/2027-01-01T00:00:00", "timeCycle|R3/PT", "timeCycle|PT1H" })
	void refusesTimersThatAreNotFixedIsoValues(String kind, String value) {
		assertError(timer(kind, value), "INVALID_TIMER", "Timer_Wait");
	}

	@ParameterizedTest
	@ValueSource(strings = { "R/PT1S", "R1000000/PT1H" })
	void unboundedOrHugeCyclesNeverPass(String cycle) {
		assertThat(validate(timer("timeCycle", cycle)).valid()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "R101/PT1H", "R1000000/PT1H", "R5/PT1S", "R5/PT59M59S", "R0/PT1H" })
	void refusesCyclesBeyondTheBounds(String cycle) {
		assertError(timer("timeCycle", cycle), "TIMER_CYCLE_OUT_OF_BOUNDS", "Timer_Wait");
	}

	@ParameterizedTest
	@ValueSource(strings = { "P5000D", "R2/P5000D" })
	void refusesTimerDurationsLongerThanTheRuntimeCounts(String value) {
		String kind = value.startsWith("R") ? "timeCycle" : "timeDuration";
		assertError(timer(kind, value), "DURATION_OUT_OF_RANGE", "Timer_Wait");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "1000000", "-1", "${n}", "2.5", "99999999999" })
	void refusesLoopCardinalitiesOutsideTheBounds(String cardinality) {
		assertError(loop(cardinality), "LOOP_CARDINALITY_OUT_OF_BOUNDS", "Task_Review");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "3", "100" })
	void acceptsLoopCardinalitiesWithinTheBounds(String cardinality) {
		assertThat(validate(loop(cardinality)).problems()).extracting(Problem::code)
			.doesNotContain("LOOP_CARDINALITY_OUT_OF_BOUNDS");
	}

	private static String timer(String kind, String value) {
		return validPlus("""
				    <bpmn:boundaryEvent id="Timer_Wait" cancelActivity="false" attachedToRef="Task_Review">
				      <bpmn:timerEventDefinition id="Timer_Wait_Definition">
				        <bpmn:%s id="Timer_Wait_Value">%s</bpmn:%s>
				      </bpmn:timerEventDefinition>
				    </bpmn:boundaryEvent>
				    <bpmn:sequenceFlow id="Timer_Wait_Flow" sourceRef="Timer_Wait" targetRef="Timer_Wait_End"/>
				    <bpmn:endEvent id="Timer_Wait_End"/>""".formatted(kind, value, kind));
	}

	private static String loop(String cardinality) {
		return validWith("      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F3\"",
				"      </bpmn:extensionElements>\n<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>"
						+ cardinality + "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"
						+ "\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F3\"");
	}

}
