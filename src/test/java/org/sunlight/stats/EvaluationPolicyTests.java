package org.sunlight.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The documented evaluation formula and its grades (docs/console.md). */
class EvaluationPolicyTests {

	final EvaluationPolicy defaults = new EvaluationPolicy(0.5, 2, 5, 90, 80, 60);

	@Test
	void aDepartmentWithoutBlemishScoresAHundred() {
		StatRow clean = new StatRow("d", "d", 40, 0, 3, 0, 0, 10, 10);
		assertThat(defaults.score(clean)).isEqualTo(100.0);
		assertThat(defaults.grade(100)).isEqualTo(Evaluation.Grade.EXCELLENT);
	}

	@Test
	void overrunsRedAlarmsAndFaultsEachCost() {
		// 10 % of 40 steps late: 5 points; 2 red alarms: 4; 1 fault: 5.
		StatRow row = new StatRow("d", "d", 40, 4, 6, 2, 1, 10, 9);
		assertThat(defaults.score(row)).isEqualTo(86.0);
		assertThat(defaults.grade(86.0)).isEqualTo(Evaluation.Grade.GOOD);
		assertThat(defaults.grade(60.0)).isEqualTo(Evaluation.Grade.PASS);
		assertThat(defaults.grade(59.9)).isEqualTo(Evaluation.Grade.FAIL);
	}

	@Test
	void theScoreNeverGoesBelowZeroAndTheWeightsAreConfigurable() {
		StatRow awful = new StatRow("d", "d", 10, 10, 10, 30, 10, 5, 0);
		assertThat(defaults.score(awful)).isZero();
		EvaluationPolicy lenient = new EvaluationPolicy(0.1, 0, 0, 90, 80, 60);
		assertThat(lenient.score(awful)).isEqualTo(90.0);
	}

	@Test
	void refusesGradesOutOfOrderAndNegativePenalties() {
		assertThatThrownBy(() -> new EvaluationPolicy(0.5, 2, 5, 70, 80, 60)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new EvaluationPolicy(-1, 2, 5, 90, 80, 60)).isInstanceOf(IllegalArgumentException.class);
	}

}
