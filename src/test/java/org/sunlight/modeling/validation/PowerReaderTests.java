package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sunlight.modeling.validation.Validation.compiled;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerDescription.Risk;
import org.sunlight.modeling.PowerDescription.Step;
import org.sunlight.modeling.internal.validation.PowerReader;

/** The power a model describes, as the catalog and supervision read it. */
class PowerReaderTests {

	private final PowerReader reader = new PowerReader();

	@Test
	void readsTheCatalogEntry() {
		PowerDescription power = describe(valid());
		assertThat(power.processId()).isEqualTo("land_use_approval");
		assertThat(power.name()).isEqualTo("建设用地审批");
		assertThat(power.code()).isEqualTo("XK-LAND-001");
		assertThat(power.category()).isEqualTo("LICENSING");
		assertThat(power.department()).isEqualTo("land-bureau");
		assertThat(power.legalBasis()).isEqualTo("《中华人民共和国土地管理法》第四十四条");
		assertThat(power.statutoryLimit()).isEqualTo("P20D");
		assertThat(power.promisedLimit()).isEqualTo("P10D");
		assertThat(power.calendar()).isEqualTo("workday");
		assertThat(power.isPublic()).isTrue();
		assertThat(power.fee()).isEqualTo("0");
	}

	@Test
	void readsEveryStepInDocumentOrderWithItsFourClarities() {
		PowerDescription power = describe(valid());
		assertThat(power.steps()).extracting(Step::id).containsExactly("Task_Accept", "Task_Review", "Task_Decide");
		Step review = power.steps().get(1);
		assertThat(review.name()).isEqualTo("审查");
		assertThat(review.assignee()).isNull();
		assertThat(review.candidateGroups()).containsExactly("land-reviewer", "land-expert");
		assertThat(review.timeLimit()).isEqualTo("P3D");
		assertThat(review.warnBefore()).isEqualTo("P1D");
		assertThat(review.supervisor()).isEqualTo("group:discipline-office");
		assertThat(review.riskLevel()).isEqualTo(2);
		assertThat(review.risks()).containsExactly(
				new Risk("R-LAND-07", 2, "审查中降低标准、人情审批", "双人审查，结果系统留痕并公示"),
				new Risk("R-LAND-08", 3, "拖延审查", "系统计时，超时亮灯"));
		assertThat(review.supervised()).isTrue();
		assertThat(review.unsupervisedReason()).isNull();
		Step decide = power.steps().get(2);
		assertThat(decide.assignee()).isEqualTo("director");
		assertThat(decide.candidateGroups()).isEmpty();
		assertThat(decide.warnBefore()).isNull();
	}

	@Test
	void appliesTheDefaultsOfTheExtension() {
		PowerDescription power = describe(validWith("calendar=\"workday\" public=\"true\" fee=\"0\"", "public=\"false\""));
		assertThat(power.calendar()).isEqualTo("workday");
		assertThat(power.isPublic()).isFalse();
		assertThat(power.fee()).isNull();
		assertThat(describe(validWith(" public=\"true\"", "")).isPublic()).isTrue();
	}

	@Test
	void takesTheHighestRiskPointAsLevelWhenTheStepDeclaresNone() {
		PowerDescription power = describe(validWith("supervisor=\"group:discipline-office\" riskLevel=\"2\"",
				"supervisor=\"group:discipline-office\""));
		assertThat(power.steps().get(1).riskLevel()).isEqualTo(2);
	}

	@Test
	void readsTheReasonOfAnUnsupervisedStep() {
		String xml = Validation.edit(Validation.withoutExtensionsOf(valid(), "Task_Decide"), " camunda:assignee=\"director\"",
				" camunda:assignee=\"director\" sl:unsupervised=\" 仅登记归档 \"");
		Step decide = describe(xml).steps().get(2);
		assertThat(decide.supervised()).isFalse();
		assertThat(decide.unsupervisedReason()).isEqualTo("仅登记归档");
		assertThat(decide.timeLimit()).isNull();
		assertThat(decide.risks()).isEmpty();
	}

	@Test
	void readsACompiledModelAsItsSource() {
		assertThat(describe(compiled())).isEqualTo(describe(valid()));
	}

	@Test
	void refusesAModelWithoutExecutableProcess() {
		assertThatThrownBy(() -> describe(validWith("isExecutable=\"true\"", "isExecutable=\"false\"")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private PowerDescription describe(String xml) {
		return reader.describe(xml.getBytes(StandardCharsets.UTF_8));
	}

}
