package org.sunlight.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sunlight.designer.Comparison.ElementChange;
import org.sunlight.designer.Comparison.RiskPoints;
import org.sunlight.designer.Reengineering.Measured;
import org.sunlight.modeling.internal.validation.PowerAnalyzer;
import org.sunlight.support.Models;

/**
 * The reengineering figures of two drawings of one power: the old one with six steps and a promised
 * 20 working days, the redesign without the pre-review and the refusal letter, promising 10.
 */
class ReengineeringTests {

	private final PowerAnalyzer analyzer = new PowerAnalyzer();

	private final Comparison report = Reengineering.compare("TEST-LAND-REENG", measured("land-approval-before.bpmn"),
			measured("land-approval-after.bpmn"));

	private Measured measured(String fixture) {
		return new Measured(null, analyzer.analyse(Models.bytes("designer/" + fixture)));
	}

	@Test
	void countsStepsAndThePostsTheyName() {
		assertThat(report.before().figures().steps()).isEqualTo(6);
		assertThat(report.after().figures().steps()).isEqualTo(4);
		assertThat(report.difference().steps()).isEqualTo(-2);
		assertThat(report.before().figures().posts()).containsExactly("land-leader", "land-pre-reviewer",
				"land-reviewer", "land-window", "user:clerk");
		assertThat(report.after().figures().posts()).containsExactly("land-leader", "land-reviewer", "land-window");
		assertThat(report.difference().posts()).isEqualTo(-2);
	}

	@Test
	void sumsStepLimitsAlongTheLongestPath() {
		// before: accept 2 + pre-review 5 + review 5 + decide 5 + deliver 3 (the refusal branch has 2)
		assertThat(report.before().figures().longestPath()).isEqualTo("P20D");
		assertThat(report.after().figures().longestPath()).isEqualTo("P10D");
		assertThat(report.difference().longestPath()).isEqualTo("-P10D");
	}

	@Test
	void comparesTheCaseLimits() {
		assertThat(report.before().figures().promisedLimit()).isEqualTo("P20D");
		assertThat(report.after().figures().promisedLimit()).isEqualTo("P10D");
		assertThat(report.difference().promisedLimit()).isEqualTo("-P10D");
		assertThat(report.difference().statutoryLimit()).isEqualTo("PT0S");
		assertThat(report.difference().calendarChanged()).isFalse();
	}

	@Test
	void countsDiscretionAndRiskPointsByLevel() {
		assertThat(report.before().figures().discretionSteps()).containsExactly("Task_Decide");
		assertThat(report.after().figures().discretionSteps()).containsExactly("Task_Decide");
		assertThat(report.difference().discretionSteps()).isZero();
		assertThat(report.before().figures().riskPoints()).isEqualTo(new RiskPoints(2, 2, 1, 5));
		assertThat(report.after().figures().riskPoints()).isEqualTo(new RiskPoints(1, 1, 1, 3));
		assertThat(report.difference().riskPoints()).isEqualTo(new RiskPoints(-1, -1, 0, -2));
	}

	@Test
	void findsAddedRemovedAndChangedElements() {
		assertThat(report.elements().added()).extracting(ElementChange::id)
			.containsExactlyInAnyOrder("Event_Notified", "Flow_8");
		assertThat(report.elements().removed()).extracting(ElementChange::id)
			.containsExactlyInAnyOrder("Task_PreReview", "Flow_3", "Task_Notify", "Flow_7");
		assertThat(report.elements().changed()).extracting(ElementChange::id)
			.containsExactlyInAnyOrder("land_approval", "Task_Accept", "Task_Review", "Task_Decide", "Flow_2",
					"Flow_Refused");
		assertThat(change("land_approval").changes()).containsExactly("extensionElements/power/@promisedLimit");
		assertThat(change("Task_Accept").changes()).containsExactly("extensionElements/step/@timeLimit");
		assertThat(change("Task_Review").changes()).containsExactly("extensionElements/step/@timeLimit",
				"extensionElements/step/risk/@measure");
		assertThat(change("Task_Decide").changes()).contains("extensionElements/step/risk[2]/@level");
		assertThat(change("Flow_2").changes()).containsExactly("@targetRef");
		assertThat(report.elements().removed()).filteredOn(e -> e.id().equals("Task_PreReview"))
			.extracting(ElementChange::type, ElementChange::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("userTask", "初审"));
	}

	private ElementChange change(String id) {
		return report.elements().changed().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void aVersionComparedWithItselfChangesNothing() {
		Comparison same = Reengineering.compare("TEST-LAND-REENG", measured("land-approval-after.bpmn"),
				measured("land-approval-after.bpmn"));
		assertThat(same.elements().added()).isEmpty();
		assertThat(same.elements().removed()).isEmpty();
		assertThat(same.elements().changed()).isEmpty();
		assertThat(same.difference().steps()).isZero();
		assertThat(same.difference().longestPath()).isEqualTo("PT0S");
	}

	@Test
	void formatsSignedDurationsInDaysHoursAndMinutes() {
		assertThat(Reengineering.format(Duration.ofDays(3).plusHours(4))).isEqualTo("P3DT4H");
		assertThat(Reengineering.format(Duration.ofHours(-28))).isEqualTo("-P1DT4H");
		assertThat(Reengineering.minus("PT4H", "P1D")).isEqualTo("-PT20H");
		assertThat(Reengineering.minus(null, "P1D")).isNull();
	}

}
