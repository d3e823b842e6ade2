package org.sunlight.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Measures the lookup limit as a code walker meets it (docs/portal.md, "The lookup limit"): one
 * client guesses wrong codes for one real case number, as fast as it is let, and whenever refused
 * waits exactly the {@code Retry-After} it was given, on the engine clock, for a day. Counted: the
 * wrong codes answered before the first 429, the Retry-After, and the guesses a day, from which
 * the time to walk 10⁶ codes (and the whole code space of one number) follows. The figures are
 * printed and written to {@code target/lookup-rate-limit.txt}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LookupRateLimitMeasurementTests {

	static final String CLIENT = "10.17.8.1";

	/** Codes are eight characters of a 32-letter alphabet (casework.Cases). */
	static final double CODE_SPACE = Math.pow(32, 8);

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aCodeWalkerGetsTenGuessesThenOneEverySixMinutesAndNeedsYearsForAMillionCodes() throws Exception {
		Instant start = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();
		ClockUtil.setCurrentTime(Date.from(start));
		String caseNumber = JsonPath.read(mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"某公司\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.caseNumber");

		int beforeFirstRefusal = 0;
		long firstRetryAfter = -1;
		int guesses = 0;
		int refusals = 0;
		Instant end = start.plus(Duration.ofDays(1));
		int n = 0;
		while (ClockUtil.getCurrentTime().toInstant().isBefore(end)) {
			MockHttpServletResponse response = guess(caseNumber, "WRONG" + String.format(Locale.ROOT, "%03d", n++ % 1000));
			if (response.getStatus() == 404) {
				guesses++;
				if (refusals == 0) {
					beforeFirstRefusal++;
				}
				continue;
			}
			assertThat(response.getStatus()).isEqualTo(429);
			long retryAfter = Long.parseLong(response.getHeader("Retry-After"));
			if (refusals++ == 0) {
				firstRetryAfter = retryAfter;
			}
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(retryAfter)));
		}

		double perDay = guesses;
		double yearsForAMillion = 1_000_000 / perDay / 365.25;
		double yearsForHalfTheSpace = CODE_SPACE / 2 / perDay / 365.25;
		String report = String.format(Locale.ROOT, """
				wrong codes answered before the first 429: %d
				Retry-After of the first 429: %d s
				wrong codes answered in 24 h of waiting exactly Retry-After: %d (%d refusals)
				10^6 codes of one number at that rate: %.1f years
				half of the 32^8 = %.3g codes of one number (the expected walk): %.3g years
				""", beforeFirstRefusal, firstRetryAfter, guesses, refusals, yearsForAMillion, CODE_SPACE,
				yearsForHalfTheSpace);
		System.out.print(report);
		Files.writeString(Path.of("target", "lookup-rate-limit.txt"), report, StandardCharsets.UTF_8);

		assertThat(beforeFirstRefusal).isEqualTo(10);
		assertThat(firstRetryAfter).isEqualTo(360);
		// Ten at once, then one per six minutes: 10 + 240 in a day, never more.
		assertThat(guesses).isBetween(249, 250);
		assertThat(yearsForAMillion).isGreaterThan(10);
	}

	private MockHttpServletResponse guess(String caseNumber, String code) throws Exception {
		return mvc.perform(get("/api/public/cases/" + caseNumber).param("queryCode", code).with(r -> {
			r.setRemoteAddr(CLIENT);
			return r;
		})).andReturn().getResponse();
	}

}
