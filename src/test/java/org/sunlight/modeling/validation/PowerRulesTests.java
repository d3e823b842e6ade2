package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.assertError;
import static org.sunlight.modeling.validation.Validation.assertNoProblem;
import static org.sunlight.modeling.validation.Validation.assertWarning;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.calendar.TimeLimit;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.ValidationReport;

/** The catalog entry of a power: {@code sl:power} on the process. */
class PowerRulesTests {

	private static final String PROCESS = "land_use_approval";

	@Test
	void acceptsTheMinimalValidPowerWithoutAnyProblem() {
		assertNoProblem(valid());
	}

	@Test
	void requiresThePower() {
		assertError(validWith("<sl:power ", "<sl:powr "), "MISSING_POWER", PROCESS);
	}

	@Test
	void refusesTwoPowers() {
		assertError(validWith("</bpmn:extensionElements>\n    <bpmn:startEvent",
				"<sl:power code=\"X\" category=\"OTHER\" department=\"d\" legalBasis=\"l\" statutoryLimit=\"P1D\"/>"
						+ "</bpmn:extensionElements>\n    <bpmn:startEvent"),
				"DUPLICATE_POWER", PROCESS);
	}

	@Test
	void requiresTheCode() {
		assertError(validWith("code=\"XK-LAND-001\" ", ""), "MISSING_POWER_CODE", PROCESS);
		assertError(validWith("code=\"XK-LAND-001\"", "code=\" \""), "MISSING_POWER_CODE", PROCESS);
	}

	@Test
	void refusesACodeThatCannotBeAUrlSegment() {
		assertError(validWith("code=\"XK-LAND-001\"", "code=\"XK/LAND 001\""), "INVALID_POWER_CODE", PROCESS);
	}

	@Test
	void requiresAKnownCategory() {
		assertError(validWith("category=\"LICENSING\" ", ""), "MISSING_CATEGORY", PROCESS);
		assertError(validWith("category=\"LICENSING\"", "category=\"MAGIC\""), "UNKNOWN_CATEGORY", PROCESS);
		assertError(validWith("category=\"LICENSING\"", "category=\"licensing\""), "UNKNOWN_CATEGORY", PROCESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "LICENSING", "PENALTY", "COERCION", "LEVY", "BENEFIT", "INSPECTION", "CONFIRMATION",
			"REWARD", "ADJUDICATION", "OTHER", "PERSONNEL", "FINANCE", "PROCUREMENT" })
	void acceptsEveryCategoryOfTheCatalog(String category) {
		assertNoProblem(validWith("category=\"LICENSING\"", "category=\"" + category + "\""));
	}

	@Test
	void requiresTheDepartment() {
		assertError(validWith("department=\"land-bureau\" ", ""), "MISSING_DEPARTMENT", PROCESS);
	}

	@Test
	void requiresALegalBasisForExternalPowers() {
		assertError(validWith("legalBasis=\"《中华人民共和国土地管理法》第四十四条\" ", ""), "MISSING_LEGAL_BASIS", PROCESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PERSONNEL", "FINANCE", "PROCUREMENT" })
	void letsInternalPowersGoWithoutLegalBasis(String category) {
		assertNoProblem(validWith("category=\"LICENSING\"", "category=\"" + category + "\"")
			.replace("legalBasis=\"《中华人民共和国土地管理法》第四十四条\" ", ""));
	}

	@Test
	void requiresAtLeastOneCaseLimit() {
		assertError(validWith("statutoryLimit=\"P20D\" promisedLimit=\"P10D\" ", ""), "MISSING_CASE_LIMIT", PROCESS);
		assertNoProblem(validWith("statutoryLimit=\"P20D\" ", ""));
		assertNoProblem(validWith("promisedLimit=\"P10D\" ", ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "P0D", "PT0S", "-P1D", "P-1D", "P1M", "P1Y", "P2W", "P1.5D", "20D", "P", "PT", "P1DT",
			"ten days", "5 minutes", "" })
	void refusesDurationsThatAreNotPositiveDaysOrTimes(String duration) {
		assertError(validWith("promisedLimit=\"P10D\"", "promisedLimit=\"" + duration + "\""), "INVALID_DURATION",
				PROCESS);
	}

	/** P5000D once validated and then failed every case start: the runtime's parser counts at most 3,660 days. */
	@ParameterizedTest
	@ValueSource(strings = { "P5000D", "P3661D", "PT10001H", "P999999D" })
	void refusesLimitsLongerThanTheRuntimeCounts(String duration) {
		assertError(validWith("statutoryLimit=\"P20D\"", "statutoryLimit=\"" + duration + "\""),
				"DURATION_OUT_OF_RANGE", PROCESS);
	}

	/** One parser: a limit validates exactly when the code that runs it ({@link TimeLimit}) reads it. */
	@ParameterizedTest
	@ValueSource(strings = { "P3660D", "P3661D", "PT10000H", "PT10001H", "p10d", "P10d", "PT600000M", "PT600001M",
			"P1DT", "P0D", "P1W", "PT1.5H", " P3D ", "P000001D" })
	void acceptsALimitExactlyWhenTheRuntimeDoes(String duration) {
		boolean runs = runs(duration);
		ValidationReport report = validate(validWith("statutoryLimit=\"P20D\" promisedLimit=\"P10D\"",
				"statutoryLimit=\"" + duration + "\""));
		assertThat(report.problems()).extracting(Problem::code)
			.as("validator on %s, runtime %s", duration, runs ? "runs it" : "refuses it")
			.matches(codes -> runs != (codes.contains("INVALID_DURATION") || codes.contains("DURATION_OUT_OF_RANGE")));
	}

	private static boolean runs(String duration) {
		try {
			TimeLimit.parse(duration);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "P10D", "PT4H", "P1DT4H", "PT90M", "PT30S", "P5DT1H30M" })
	void acceptsPositiveDurationsOfDaysAndTimes(String duration) {
		assertThat(validate(validWith("promisedLimit=\"P10D\"", "promisedLimit=\"" + duration + "\"")
			.replace("statutoryLimit=\"P20D\"", "statutoryLimit=\"P30D\"")).errors()).isEmpty();
	}

	@Test
	void letsThePowerNameTheCaseWarningTimeShorterThanTheLimitEscalationsRunOn() {
		assertNoProblem(validWith("fee=\"0\"", "fee=\"0\" warnBefore=\"P2D\""));
		// The promised P10D is the limit escalations run on, not the statutory P20D.
		assertError(validWith("fee=\"0\"", "fee=\"0\" warnBefore=\"P10D\""), "WARN_BEFORE_NOT_SHORTER", PROCESS);
		assertError(validWith("fee=\"0\"", "fee=\"0\" warnBefore=\"soon\""), "INVALID_DURATION", PROCESS);
	}

	@Test
	void letsThePowerNameItsMaximumExtension() {
		assertNoProblem(validWith("fee=\"0\"", "fee=\"0\" maxExtension=\"P10D\""));
		assertError(validWith("fee=\"0\"", "fee=\"0\" maxExtension=\"-P10D\""), "INVALID_DURATION", PROCESS);
	}

	@Test
	void refusesAPromiseLongerThanTheLaw() {
		assertError(validWith("promisedLimit=\"P10D\"", "promisedLimit=\"P21D\""), "PROMISED_EXCEEDS_STATUTORY",
				PROCESS);
		assertNoProblem(validWith("promisedLimit=\"P10D\"", "promisedLimit=\"P20D\""));
	}

	@Test
	void requiresAKnownCalendar() {
		assertError(validWith("calendar=\"workday\"", "calendar=\"lunar\""), "UNKNOWN_CALENDAR", PROCESS);
		assertNoProblem(validWith("calendar=\"workday\"", "calendar=\"natural\""));
		assertNoProblem(validWith("calendar=\"workday\" ", ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "free", "1e3", "¥5", "" })
	void refusesAFeeThatIsNotANonNegativeAmount(String fee) {
		assertError(validWith("fee=\"0\"", "fee=\"" + fee + "\""), "INVALID_FEE", PROCESS);
	}

	@Test
	void acceptsAFeeInYuanAndFen() {
		assertNoProblem(validWith("fee=\"0\"", "fee=\"12.50\""));
	}

	@Test
	void refusesAPublicFlagOtherThanTrueOrFalse() {
		assertError(validWith("public=\"true\"", "public=\"yes\""), "INVALID_PUBLIC", PROCESS);
		assertNoProblem(validWith("public=\"true\"", "public=\"false\""));
	}

	@Test
	void warnsAboutAProcessWithoutName() {
		assertWarning(validWith(" name=\"建设用地审批\"", ""), "MISSING_PROCESS_NAME", PROCESS);
	}

	@Test
	void warnsAboutMisspeltAndMisplacedExtensionMarkup() {
		assertWarning(validWith("fee=\"0\"", "fee=\"0\" feee=\"1\""), "UNKNOWN_SL_ATTRIBUTE", PROCESS);
		assertWarning(validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
				"<bpmn:startEvent id=\"Start\" name=\"申请\"><bpmn:extensionElements><sl:step timeLimit=\"P1D\" "
						+ "supervisor=\"user:x\"/></bpmn:extensionElements></bpmn:startEvent>"),
				"MISPLACED_SL_ELEMENT", "Start");
		assertWarning(validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
				"<bpmn:startEvent id=\"Start\" name=\"申请\" sl:unsupervised=\"no\"/>"), "MISPLACED_SL_ELEMENT", "Start");
	}

	@Test
	void reportsEveryProblemAtOnceWithItsElement() {
		String xml = validWith("category=\"LICENSING\"", "category=\"MAGIC\"").replace("department=\"land-bureau\" ", "")
			.replace(" camunda:assignee=\"director\"", "");
		assertThat(validate(xml).errors()).extracting(Problem::code)
			.containsExactlyInAnyOrder("UNKNOWN_CATEGORY", "MISSING_DEPARTMENT", "MISSING_RESPONSIBLE");
	}

}
