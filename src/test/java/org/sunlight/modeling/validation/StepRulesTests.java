package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.assertNoProblem;
import static org.sunlight.modeling.validation.Validation.assertWarning;
import static org.sunlight.modeling.validation.Validation.edit;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.modeling.Problem;

/** The four clarities of every user task and its risk points. */
class StepRulesTests {

	private static final String REVIEW_STEP = "<sl:step timeLimit=\"P3D\" warnBefore=\"P1D\" supervisor=\"group:discipline-office\" riskLevel=\"2\">";
	private static final String ACCEPT_RISK = "<sl:risk code=\"R-LAND-01\" level=\"3\" description=\"对材料齐全的申请不予受理\" measure=\"一次性告知，受理结果系统留痕\"/>";
	private static final String REVIEW_RISKS = "<sl:risk code=\"R-LAND-07\" level=\"2\" description=\"审查中降低标准、人情审批\" measure=\"双人审查，结果系统留痕并公示\"/>\n"
			+ "          <sl:risk code=\"R-LAND-08\" level=\"3\" description=\"拖延审查\" measure=\"系统计时，超时亮灯\"/>";
	private static final String DECIDE_STEP = "<sl:step timeLimit=\"P2D\" supervisor=\"user:inspector\" riskLevel=\"1\">";

	@Test
	void requiresAResponsiblePerson() {
		assertError(validWith(" camunda:assignee=\"director\"", ""), "MISSING_RESPONSIBLE", "Task_Decide");
		assertError(validWith(" camunda:assignee=\"director\"", " camunda:candidateGroups=\" , \""),
				"MISSING_RESPONSIBLE", "Task_Decide");
	}

	@Test
	void acceptsCandidateUsersAsResponsible() {
		assertNoProblem(validWith(" camunda:assignee=\"director\"", " camunda:candidateUsers=\"director,deputy\""));
	}

	@Test
	void requiresAStepOnEveryUserTask() {
		assertError(Validation.withoutExtensionsOf(valid(), "Task_Decide"), "MISSING_STEP", "Task_Decide");
	}

	@Test
	void acceptsAnUnsupervisedTaskWithAReasonAndSaysSo() {
		String xml = withoutDecideStep(" sl:unsupervised=\"仅登记归档，无裁量\"");
		assertWarning(xml, "UNSUPERVISED_STEP", "Task_Decide");
		assertThat(validate(xml).problems()).extracting(Problem::code).doesNotContain("MISSING_STEP");
	}

	@Test
	void refusesAnUnsupervisedMarkWithoutReason() {
		assertError(withoutDecideStep(" sl:unsupervised=\"  \""), "UNSUPERVISED_WITHOUT_REASON", "Task_Decide");
	}

	@Test
	void warnsWhenASupervisedStepIsAlsoMarkedUnsupervised() {
		assertWarning(validWith(" camunda:assignee=\"director\"", " camunda:assignee=\"director\" sl:unsupervised=\"x\""),
				"UNSUPERVISED_WITH_STEP", "Task_Decide");
	}

	@Test
	void refusesTwoSteps() {
		assertError(validWith(DECIDE_STEP, "<sl:step timeLimit=\"P1D\" supervisor=\"user:x\"/>" + DECIDE_STEP),
				"DUPLICATE_STEP", "Task_Decide");
	}

	@Test
	void requiresATimeLimit() {
		assertError(validWith(DECIDE_STEP, DECIDE_STEP.replace("timeLimit=\"P2D\" ", "")), "MISSING_TIME_LIMIT",
				"Task_Decide");
	}

	@ParameterizedTest
	@ValueSource(strings = { "P0D", "-P1D", "P1M", "P1Y", "2 days" })
	void refusesATimeLimitThatIsNotAPositiveDuration(String limit) {
		assertError(validWith(DECIDE_STEP, DECIDE_STEP.replace("P2D", limit)), "INVALID_DURATION", "Task_Decide");
	}

	@Test
	void requiresTheWarningToComeBeforeTheDeadline() {
		assertError(validWith(REVIEW_STEP, REVIEW_STEP.replace("warnBefore=\"P1D\"", "warnBefore=\"P3D\"")),
				"WARN_BEFORE_NOT_SHORTER", "Task_Review");
		assertError(validWith(REVIEW_STEP, REVIEW_STEP.replace("warnBefore=\"P1D\"", "warnBefore=\"PT73H\"")),
				"WARN_BEFORE_NOT_SHORTER", "Task_Review");
		assertError(validWith(REVIEW_STEP, REVIEW_STEP.replace("warnBefore=\"P1D\"", "warnBefore=\"P0D\"")),
				"INVALID_DURATION", "Task_Review");
	}

	@Test
	void requiresASupervisorOfTheFormUserOrGroup() {
		assertError(validWith(DECIDE_STEP, DECIDE_STEP.replace(" supervisor=\"user:inspector\"", "")),
				"MISSING_SUPERVISOR", "Task_Decide");
		for (String supervisor : new String[] { "inspector", "role:inspector", "user:", "user:in spector" }) {
			assertError(validWith(DECIDE_STEP, DECIDE_STEP.replace("user:inspector", supervisor)),
					"INVALID_SUPERVISOR", "Task_Decide");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "4", "high", "1.0", "" })
	void refusesRiskLevelsOutsideOneToThree(String level) {
		assertError(validWith(REVIEW_STEP, REVIEW_STEP.replace("riskLevel=\"2\"", "riskLevel=\"" + level + "\"")),
				"INVALID_RISK_LEVEL", "Task_Review");
		assertError(validWith("code=\"R-LAND-07\" level=\"2\"", "code=\"R-LAND-07\" level=\"" + level + "\""),
				"INVALID_RISK_LEVEL", "Task_Review");
	}

	@Test
	void requiresAMeasureForEveryRiskPoint() {
		assertError(validWith(" measure=\"系统计时，超时亮灯\"", ""), "RISK_WITHOUT_MEASURE", "Task_Review");
		assertError(validWith(" measure=\"系统计时，超时亮灯\"", " measure=\" \""), "RISK_WITHOUT_MEASURE", "Task_Review");
	}

	@Test
	void warnsAboutARiskPointWithoutDescription() {
		assertWarning(validWith(" description=\"拖延审查\"", ""), "RISK_WITHOUT_DESCRIPTION", "Task_Review");
	}

	@Test
	void warnsWhenTheStepLevelIsNotTheHighestOfItsRiskPoints() {
		assertWarning(validWith(REVIEW_STEP, REVIEW_STEP.replace("riskLevel=\"2\"", "riskLevel=\"3\"")),
				"RISK_LEVEL_INCONSISTENT", "Task_Review");
		assertWarning(validWith(REVIEW_STEP, REVIEW_STEP.replace("riskLevel=\"2\"", "riskLevel=\"1\"")),
				"RISK_LEVEL_INCONSISTENT", "Task_Review");
		assertNoProblem(validWith(REVIEW_STEP, REVIEW_STEP.replace(" riskLevel=\"2\"", "")));
	}

	@Test
	void warnsAboutADecidingStepWithoutRiskPoint() {
		String xml = validWith(REVIEW_RISKS, "").replace(" riskLevel=\"2\"", "");
		assertWarning(xml, "DISCRETION_WITHOUT_RISK", "Task_Review");
	}

	@Test
	void warnsAboutAStepWhoseFormAsksForADecisionWithoutRiskPoint() {
		String xml = validWith(ACCEPT_RISK, "").replace(" riskLevel=\"3\"", "");
		assertNoProblem(xml);
		String acceptStepEnd = "</sl:step>\n      </bpmn:extensionElements>\n    </bpmn:userTask>\n    <bpmn:sequenceFlow id=\"F2\"";
		assertWarning(edit(xml, acceptStepEnd, acceptStepEnd.replace("</sl:step>", "</sl:step>\n<camunda:formData>"
				+ "<camunda:formField id=\"approved\" type=\"boolean\"/></camunda:formData>")), "DISCRETION_WITHOUT_RISK",
				"Task_Accept");
	}

	@Test
	void warnsWhenTheResponsibleIsAlsoTheSupervisor() {
		assertWarning(validWith("user:inspector", "user:director"), "SAME_RESPONSIBLE_AND_SUPERVISOR", "Task_Decide");
		assertWarning(validWith(REVIEW_STEP, REVIEW_STEP.replace("group:discipline-office", "group:land-expert")),
				"SAME_RESPONSIBLE_AND_SUPERVISOR", "Task_Review");
	}

	private static String withoutDecideStep(String unsupervised) {
		return edit(Validation.withoutExtensionsOf(valid(), "Task_Decide"), " camunda:assignee=\"director\"",
				" camunda:assignee=\"director\"" + unsupervised);
	}

}
