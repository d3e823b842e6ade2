package org.sunlight.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-in for the browser (form, session, CSRF) and for API clients (HTTP Basic). */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theBrowserSignsInWithAFormAndTheCsrfCookie() throws Exception {
		MvcResult first = mvc.perform(get("/api/me").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"))
			.andExpect(cookie().exists("XSRF-TOKEN"))
			.andReturn();
		Cookie token = first.getResponse().getCookie("XSRF-TOKEN");
		MockHttpSession session = new MockHttpSession();

		mvc.perform(post("/login").session(session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", "handler1").param("password", "demo")
			.cookie(token).header("X-XSRF-TOKEN", token.getValue()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("handler1"))
			.andExpect(jsonPath("$.roles[0]").value("HANDLER"))
			.andExpect(jsonPath("$.displayName").value(containsString("张伟")));

		mvc.perform(get("/api/me").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("handler1"));
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", "handler1").param("password", "demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordIs401WithAClearMessageInTheUsersLanguage() throws Exception {
		mvc.perform(post("/login").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", "handler1").param("password", "nope"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("用户名或密码错误"));
		mvc.perform(post("/login").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Accept-Language", "en")
			.param("username", "handler1").param("password", "nope"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Wrong user name or password"));
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", "designer").param("password", "demo"))
			.andExpect(status().isOk());
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void apiClientsUseHttpBasic() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"));
		mvc.perform(get("/api/me")).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
	}

	@Test
	void unknownApiPathsAreDeniedNotOpen() throws Exception {
		mvc.perform(get("/api/no-such-thing").with(httpBasic("admin", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/env").with(httpBasic("admin", "demo"))).andExpect(status().isForbidden());
	}

	@Test
	void camundaRestApiAndWebappsAreNotShipped() throws Exception {
		mvc.perform(get("/engine-rest/process-definition").with(httpBasic("admin", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/camunda/app/admin/default/setup/").with(httpBasic("admin", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/camunda/api/admin/setup/default/user/create").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":{\"id\":\"evil\"},\"credentials\":{\"password\":\"x\"}}"))
			.andExpect(status().isNotFound());
	}

}
