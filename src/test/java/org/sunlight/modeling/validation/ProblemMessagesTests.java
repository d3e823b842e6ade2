package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.modeling.validation.Validation.validWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.sunlight.modeling.Problem;
import org.sunlight.modeling.internal.validation.ProblemCode;

/** Every problem code is worded in English and Chinese, and the request's locale picks the words. */
class ProblemMessagesTests {

	private static final String MISSING_SUPERVISOR = validWith(" supervisor=\"user:inspector\"", "");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyCodeHasAMessageInBothLanguagesAndNothingElse() {
		Properties english = load("/i18n/problems.properties");
		Properties chinese = load("/i18n/problems_zh_CN.properties");
		String[] keys = Arrays.stream(ProblemCode.values()).map(ProblemCode::messageKey).toArray(String[]::new);
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrder(append(keys, "problem.element"));
		assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		chinese.stringPropertyNames()
			.stream()
			.filter(key -> !key.equals("problem.element"))
			.forEach(key -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
	}

	@Test
	void wordsProblemsInTheRequestLocaleWithTheElementName() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(messages()).containsExactly("“决定”（Task_Decide）：该环节没有监督责任人。");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(messages()).containsExactly("\"决定\" (Task_Decide): the step has no supervisor.");
	}

	@Test
	void keepsApostrophesAndBracesOfArgumentsIntact() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String xml = CodeExecutionRulesTests.condition("${''.getClass()}");
		assertThat(Validation.VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8)).errors())
			.extracting(Problem::message)
			.singleElement()
			.asString()
			.startsWith("F4: the expression ${''.getClass()} is not allowed");
	}

	private static java.util.List<String> messages() {
		return Validation.VALIDATOR.validate(MISSING_SUPERVISOR.getBytes(StandardCharsets.UTF_8))
			.problems()
			.stream()
			.map(Problem::message)
			.toList();
	}

	private static String[] append(String[] keys, String key) {
		String[] all = Arrays.copyOf(keys, keys.length + 1);
		all[keys.length] = key;
		return all;
	}

	private static Properties load(String path) {
		try (InputStream in = ProblemMessagesTests.class.getResourceAsStream(path)) {
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
