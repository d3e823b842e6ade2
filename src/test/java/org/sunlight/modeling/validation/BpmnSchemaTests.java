package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sunlight.modeling.validation.Validation.GUARD;
import static org.sunlight.modeling.validation.Validation.VALIDATOR;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.ValidationReport;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.support.CountingServer;

/**
 * What modelling tools write is read, and only what is dangerous is refused: schema-location
 * hints are ignored and never fetched, and a model that breaks the BPMN 2.0 schema gets problems
 * that say where (line, column, element) in the designer's language, not a bare refusal.
 */
class BpmnSchemaTests {

	private CountingServer server;
	private AtomicInteger requests;
	private String base;

	@BeforeEach
	void startServer() throws IOException {
		server = CountingServer.start("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>");
		requests = server.requests();
		base = server.base();
	}

	@AfterEach
	void stopServer() {
		server.stop();
	}

	/** As tools write them: on the root, and for a vendor namespace that no schema of ours covers. */
	private String withHints() {
		return valid()
			.replace("targetNamespace=\"urn:sunlight:powers\"",
					"targetNamespace=\"urn:sunlight:powers\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
							+ "xmlns:vendor=\"urn:vendor:tool\" xsi:schemaLocation=\"http://www.omg.org/spec/BPMN/20100524/MODEL "
							+ base + "/BPMN20.xsd urn:vendor:tool " + base + "/vendor.xsd\"")
			.replace("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
					"<bpmn:startEvent id=\"Start\" name=\"申请\" xsi:noNamespaceSchemaLocation=\"file:///etc/passwd\">"
							+ "<bpmn:extensionElements><vendor:shape xsi:schemaLocation=\"urn:vendor:tool " + base
							+ "/shape.xsd\" colour=\"blue\"/></bpmn:extensionElements></bpmn:startEvent>");
	}

	@Test
	void schemaLocationHintsAreReadAndNeverFetched() {
		String xml = withHints();
		assertThat(xml).contains("xsi:schemaLocation", "noNamespaceSchemaLocation");

		ValidationReport report = validate(xml);

		assertThat(report.errors()).isEmpty();
		assertThat(report.valid()).isTrue();
		assertThat(requests).hasValue(0);
	}

	@Test
	void theCompilerDropsTheHintsAndTheEngineRefusesThemAnywhere() {
		byte[] compiled = new SupervisionCompiler().compile(withHints().getBytes(StandardCharsets.UTF_8));

		assertThat(new String(compiled, StandardCharsets.UTF_8)).doesNotContain("schemaLocation");
		assertThat(GUARD.refusals(compiled)).isEmpty();
		// Camunda's parser would follow a hint: what reaches the engine without the compiler is refused.
		assertThatThrownBy(() -> GUARD.refusals(withHints().getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ModelRejectedException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.HOSTILE))
			.hasMessageContaining("schema");
		assertThat(requests).hasValue(0);
	}

	@Test
	void anUnknownElementIsAProblemAtItsLineAndColumnInTheDesignersLanguage() {
		String xml = validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
				"<bpmn:startEvent id=\"Start\" name=\"申请\"/>\n    <bpmn:bogus/>");
		int line = lineOf(xml, "<bpmn:bogus/>");

		Problem english = only(validate(xml));
		assertThat(english.code()).isEqualTo("BPMN_SCHEMA");
		assertThat(english.line()).isEqualTo(line);
		assertThat(english.column()).isPositive();
		// The element without an id is reported in the process that holds it, for the designer to select.
		assertThat(english.elementId()).isEqualTo("land_use_approval");
		assertThat(english.message()).startsWith("Line " + line + ", column ")
			.contains("bpmn:bogus")
			.doesNotContain("cvc-", "http://www.omg.org");

		Problem chinese = only(VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE));
		assertThat(chinese.message()).startsWith("第 " + line + " 行第 ").contains("不符合 BPMN 2.0 规范", "bpmn:bogus");
	}

	@Test
	void missingAttributesUnknownReferencesAndDuplicateIdsAreProblemsToo() {
		assertThat(only(validate(validWith(" sourceRef=\"Start\"", ""))))
			.satisfies(problem -> assertThat(problem.elementId()).isEqualTo("F1"))
			.satisfies(problem -> assertThat(problem.message()).contains("sourceRef"));
		assertThat(only(validate(validWith("targetRef=\"Task_Accept\"", "targetRef=\"Nowhere\""))).message())
			.contains("Nowhere");
		assertThat(validate(validWith("id=\"Task_Review\"", "id=\"Task_Accept\"")).errors())
			.extracting(Problem::message)
			.anySatisfy(message -> assertThat(message).contains("Task_Accept"));
	}

	@Test
	void aBadlyBrokenFileGetsItsFirstFiftyProblems() {
		StringBuilder starts = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			starts.append("<bpmn:startEvent id=\"S").append(i).append("\" isInterrupting=\"maybe\"/>");
		}
		String xml = validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>",
				"<bpmn:startEvent id=\"Start\" name=\"申请\"/>" + starts);

		List<Problem> problems = validate(xml).problems();

		assertThat(problems).hasSize(50).allSatisfy(problem -> assertThat(problem.code()).isEqualTo("BPMN_SCHEMA"));
	}

	private static Problem only(ValidationReport report) {
		assertThat(report.problems()).as("problems of %s", report.problems()).hasSize(1);
		return report.problems().get(0);
	}

	private static int lineOf(String xml, String text) {
		return xml.substring(0, xml.indexOf(text)).split("\n", -1).length;
	}

}
