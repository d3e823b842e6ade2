package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * Repeated wrong passwords lock an account with a clear message; each failure leaves an audit
 * record; the lock lifts after its time (engine clock) or when an administrator unlocks it.
 */
@SpringBootTest(properties = { "sunlight.security.max-failed-sign-ins=3", "sunlight.security.lockout=PT15M" })
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
	void threeWrongPasswordsLockTheAccountUntilTheLockoutEnds() throws Exception {
		Instant start = Instant.parse("2026-11-23T01:00:00Z");
		ClockUtil.setCurrentTime(Date.from(start));
		int failuresBefore = audited("SIGN_IN_FAILED", "handler2");
		for (int i = 0; i < 3; i++) {
			signIn("handler2", "wrong-" + i).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		}
		assertThat(audited("SIGN_IN_FAILED", "handler2")).isEqualTo(failuresBefore + 3);
		assertThat(audited("ACCOUNT_LOCKED", "handler2")).isEqualTo(1);

		// Now even the right password is refused, with the reason, on the form and on Basic.
		signIn("handler2", "demo").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("锁定")));
		mvc.perform(get("/api/me").with(httpBasic("handler2", "demo")).header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("locked")));

		ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(16))));
		signIn("handler2", "demo").andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select failed_attempts from sl_account where username = 'handler2'",
				Integer.class)).isZero();
	}

	@Test
	void anAdministratorUnlocksALockedAccount() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T01:00:00Z")));
		for (int i = 0; i < 3; i++) {
			signIn("designer", "wrong").andExpect(status().isUnauthorized());
		}
		signIn("designer", "demo").andExpect(status().isUnauthorized());
		mvc.perform(post("/api/org/people/designer/unlock").with(httpBasic("handler1", "demo")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/org/people/designer/unlock").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk());
		signIn("designer", "demo").andExpect(status().isOk());
	}

	@Test
	void aFailedSignInOfAnUnknownNameIsAuditedAndLocksNothing() throws Exception {
		signIn("nobody-at-all", "guess").andExpect(status().isUnauthorized());
		assertThat(audited("SIGN_IN_FAILED", "nobody-at-all")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from sl_account where username = 'nobody-at-all'",
				Integer.class)).isZero();
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", username)
			.param("password", password));
	}

	private int audited(String action, String person) {
		return jdbc.queryForObject("select count(*) from sl_audit_record where action = ? and subject_id = ?",
				Integer.class, action, person);
	}

}
