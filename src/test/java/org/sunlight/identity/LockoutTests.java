package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Repeated wrong passwords lock one client address out of one account (engine clock), never the
 * account's owner elsewhere; every refusal is audited; an administrator unlocks; unknown names
 * get the same answers, in about the same time, as known ones. Each test signs in from its own
 * addresses so that the throttle (SignInThrottleTests) stays out of the way.
 */
@SpringBootTest(properties = { "sunlight.security.max-failed-sign-ins=3", "sunlight.security.lockout=PT15M",
		"sunlight.security.throttle.per-address=6", "sunlight.security.throttle.per-account=8",
		"sunlight.security.throttle.period=PT1M" })
@AutoConfigureMockMvc
class LockoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void threeWrongPasswordsLockThatAddressOutUntilTheLockoutEndsButNotTheOwner() throws Exception {
		Instant start = Instant.parse("2026-11-23T01:00:00Z");
		ClockUtil.setCurrentTime(Date.from(start));
		int failuresBefore = audited("SIGN_IN_FAILED", "handler2");
		for (int i = 0; i < 3; i++) {
			signIn("handler2", "wrong-" + i, "10.1.0.1").andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		}
		assertThat(audited("SIGN_IN_FAILED", "handler2")).isEqualTo(failuresBefore + 3);
		assertThat(audited("ACCOUNT_LOCKED", "handler2")).isEqualTo(1);

		// That address is refused even the right password, with the reason, on the form and on Basic...
		signIn("handler2", "demo", "10.1.0.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("锁定")));
		mvc.perform(get("/api/me").with(httpBasic("handler2", "demo")).with(from("10.1.0.1"))
			.header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked")));
		// ... and those refusals are audited too, without the password.
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'SIGN_IN_FAILED' and subject_id = 'handler2'
				and details like '%locked%' and details like '%10.1.0.1%'""", Integer.class)).isEqualTo(2);
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where subject_id = 'handler2'
				and (details like '%wrong-%' or details like '%"demo"%')""", Integer.class)).isZero();

		// The owner at another address is not locked out: a stranger slows down only himself.
		signIn("handler2", "demo", "10.1.0.2").andExpect(status().isOk());
		assertThat(lockedUntilOnTheChart("handler2")).isNotNull();

		ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(16))));
		signIn("handler2", "demo", "10.1.0.1").andExpect(status().isOk());
		assertThat(jdbc.queryForObject(
				"select count(*) from sl_sign_in_lock where username = 'handler2' and client_address = '10.1.0.1'",
				Integer.class)).isZero();
	}

	@Test
	void aRightPasswordStartsTheCountAgain() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T01:00:00Z")));
		signIn("deputy", "wrong", "10.1.2.1").andExpect(status().isUnauthorized());
		signIn("deputy", "wrong", "10.1.2.1").andExpect(status().isUnauthorized());
		signIn("deputy", "demo", "10.1.2.1").andExpect(status().isOk());
		signIn("deputy", "wrong", "10.1.2.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		signIn("deputy", "wrong", "10.1.2.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		signIn("deputy", "demo", "10.1.2.1").andExpect(status().isOk());
	}

	@Test
	void anAdministratorUnlocksALockedAccount() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T01:00:00Z")));
		for (int i = 0; i < 3; i++) {
			signIn("designer", "wrong", "10.1.1.1").andExpect(status().isUnauthorized());
		}
		signIn("designer", "demo", "10.1.1.1").andExpect(status().isUnauthorized());
		mvc.perform(post("/api/org/people/designer/unlock").with(httpBasic("handler1", "demo")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/org/people/designer/unlock").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk());
		signIn("designer", "demo", "10.1.1.1").andExpect(status().isOk());
		assertThat(lockedUntilOnTheChart("designer")).isNull();
	}

	@Test
	void aDisabledAccountSaysSoOnlyToTheRightPassword() throws Exception {
		mvc.perform(post("/api/org/people").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"retired","displayName":"退休","password":"long-enough-1","roles":["HANDLER"]}"""))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(put("/api/org/people/retired")
			.with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName":"退休","roles":["HANDLER"],"enabled":false}"""))
			.andExpect(status().isOk());
		signIn("retired", "wrong", "10.1.3.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		signIn("retired", "long-enough-1", "10.1.3.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("停用")));
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'SIGN_IN_FAILED' and subject_id = 'retired'
				and details like '%disabled%'""", Integer.class)).isEqualTo(1);
	}

	@Test
	void unknownNamesGetTheSameAnswersAsKnownOnesAndCreateNoAccount() throws Exception {
		for (int i = 0; i < 4; i++) {
			MockHttpServletResponse unknown = signIn("nobody-at-all", "guess", "10.1.4.1").andReturn().getResponse();
			MockHttpServletResponse known = signIn("handler1", "guess", "10.1.4.2").andReturn().getResponse();
			assertThat(unknown.getStatus()).as("attempt %d", i).isEqualTo(known.getStatus()).isEqualTo(401);
			assertThat(unknown.getContentAsString()).as("attempt %d", i)
				.isEqualTo(known.getContentAsString().replace("handler1", "nobody-at-all"));
			assertThat(unknown.getHeader("WWW-Authenticate")).isEqualTo(known.getHeader("WWW-Authenticate"));
		}
		assertThat(audited("SIGN_IN_FAILED", "nobody-at-all")).isEqualTo(4);
		assertThat(jdbc.queryForObject("select count(*) from sl_account where username = 'nobody-at-all'",
				Integer.class)).isZero();
	}

	/** The provider checks an unknown name's password against a dummy hash, so the time gives nothing away. */
	@Test
	void anUnknownNameTakesAboutAsLongAsAWrongPassword() throws Exception {
		signIn("leader", "warm-up", "10.1.5.0");
		signIn("nobody-timed", "warm-up", "10.1.5.0");
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			known.add(timed("leader", "10.1.5." + i));
			unknown.add(timed("nobody-timed", "10.1.6." + i));
		}
		long knownMedian = median(known);
		long unknownMedian = median(unknown);
		assertThat(unknownMedian).as("unknown %s vs known %s (ns)", unknown, known)
			.isBetween(knownMedian / 2, knownMedian * 2);
	}

	private long timed(String username, String address) throws Exception {
		long start = System.nanoTime();
		signIn(username, "guess", address).andExpect(status().isUnauthorized());
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private String lockedUntilOnTheChart(String username) throws Exception {
		String body = mvc.perform(get("/api/org").with(httpBasic("admin", "demo")))
			.andReturn().getResponse().getContentAsString();
		Object value = JsonPath.read(body,
				"$.people[?(@.username == '" + username + "')].lockedUntil");
		return ((List<?>) value).isEmpty() ? null : (String) ((List<?>) value).get(0);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").with(csrf()).with(from(address))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", username)
			.param("password", password));
	}

	private int audited(String action, String person) {
		return jdbc.queryForObject("select count(*) from sl_audit_record where action = ? and subject_id = ?",
				Integer.class, action, person);
	}

}
