package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunlight.identity.LockoutTests.from;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Failed sign-ins are throttled per client address and per account (Bucket4j on the engine
 * clock): 429 with Retry-After, problem+json in Chinese, audited, on the form and on Basic alike.
 * The account's throttle never stops a client that has not been failing. Same settings as
 * LockoutTests, so both share one application context.
 */
@SpringBootTest(properties = { "sunlight.security.max-failed-sign-ins=3", "sunlight.security.lockout=PT15M",
		"sunlight.security.throttle.per-address=6", "sunlight.security.throttle.per-account=8",
		"sunlight.security.throttle.period=PT1M" })
@AutoConfigureMockMvc
class SignInThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anAddressThatKeepsFailingIsThrottledOnTheFormAndOnBasicUntilTheBucketRefills() throws Exception {
		Instant start = Instant.parse("2026-11-26T01:00:00Z");
		ClockUtil.setCurrentTime(Date.from(start));
		String address = "10.2.0.1";
		// Different names each time, so no lock gets in the way: only the address's budget runs out.
		for (int i = 0; i < 6; i++) {
			signIn("sprayed-" + i, "guess", address).andExpect(status().isUnauthorized());
		}
		signIn("sprayed-6", "guess", address).andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(jsonPath("$.detail").value("登录失败次数过多，请 10 秒后再试"));
		// Even a right password waits: the throttle comes before any password is checked.
		signIn("admin", "demo", address).andExpect(status().isTooManyRequests());
		mvc.perform(get("/api/me").with(httpBasic("admin", "demo")).with(from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		assertThat(throttledAudits(address)).isEqualTo(3);
		// Another address is not affected.
		signIn("admin", "demo", "10.2.0.2").andExpect(status().isOk());

		ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(10))));
		mvc.perform(get("/api/me").with(httpBasic("admin", "demo")).with(from(address))).andExpect(status().isOk());
	}

	@Test
	void manyAddressesFailingOnOneAccountAreThrottledButTheOwnerAtACleanAddressIsNot() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T01:00:00Z")));
		// Eight addresses, one wrong password each: no address is over its budget, the account is.
		for (int i = 1; i <= 8; i++) {
			signIn("supervisor", "guess", "10.3.0." + i).andExpect(status().isUnauthorized());
		}
		signIn("supervisor", "guess-again", "10.3.0.1").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		mvc.perform(get("/api/me").with(httpBasic("supervisor", "guess-again")).with(from("10.3.0.2")))
			.andExpect(status().isTooManyRequests());
		assertThat(throttledAudits("10.3.0.1")).isEqualTo(1);

		// The owner has not been failing: the right password works, and a slip is still just a 401.
		signIn("supervisor", "demo", "10.3.1.1").andExpect(status().isOk());
		mvc.perform(get("/api/me").with(httpBasic("supervisor", "demo")).with(from("10.3.1.2")))
			.andExpect(status().isOk());
		signIn("supervisor", "typo", "10.3.1.3").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("密码错误")));
	}

	private int throttledAudits(String address) {
		return jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'SIGN_IN_FAILED'
				and details like '%throttled%' and details like ?""", Integer.class, "%\"" + address + "\"%");
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").with(csrf()).with(from(address))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", username)
			.param("password", password));
	}

}
