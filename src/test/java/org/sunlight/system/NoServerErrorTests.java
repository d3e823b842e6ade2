package org.sunlight.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No endpoint of the application answers 500 to garbage: every handler under {@code /api} (from
 * the application's own mappings, so a new one is covered at once), called by every role with
 * garbage bodies and garbage in each of its query parameters and path variables, answers below
 * 500. A 5xx here is a parse or conversion error that escaped into a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoServerErrorTests {

	static final List<String> PEOPLE = List.of("admin", "designer", "handler1", "supervisor", "leader");

	static final List<String> GARBAGE_BODIES = List.of("{\"x\": [", "[1, 2, 3]", "\"text\"", "null",
			"{\"applicant\": [], \"title\": {}, \"variables\": \"x\", \"revision\": \"abc\", \"amount\": 1e400,"
					+ " \"departments\": \"d\", \"roles\": {}, \"deputies\": [1], \"enabled\": \"perhaps\"}");

	static final List<String> GARBAGE_VALUES = List.of("%ZZ'\"<>", "-99999999999", "+999999999-12-31T23:59:59Z",
			"2147483647", "P99999999999999999D", " ");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noEndpointAnswersAServerErrorToGarbage() throws Exception {
		Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
		for (String person : PEOPLE) {
			MockHttpSession session = new MockHttpSession();
			mvc.perform(post("/login").session(session).with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("username", person)
				.param("password", "demo"));
			sessions.put(person, session);
		}
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				List<String> parameters = queryParameters(mapping.getValue());
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					for (Map.Entry<String, MockHttpSession> session : sessions.entrySet()) {
						for (int i = 0; i < GARBAGE_BODIES.size(); i++) {
							String value = GARBAGE_VALUES.get(i % GARBAGE_VALUES.size());
							String path = pattern.replaceAll("\\{[^}]+}", i % 2 == 0 ? "garbage%20x" : "-1");
							MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.name()), path)
								.session(session.getValue())
								.with(csrf())
								.contentType(MediaType.APPLICATION_JSON)
								.content(GARBAGE_BODIES.get(i));
							parameters.forEach(name -> request.param(name, value));
							MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
							calls++;
							if (response.getStatus() >= 500) {
								failures.add(method + " " + path + " " + parameters + "=" + value + " as "
										+ session.getKey() + " with " + GARBAGE_BODIES.get(i) + ": "
										+ response.getStatus() + " " + response.getContentAsString());
							}
						}
					}
				}
			}
		}
		assertThat(calls).as("calls made").isGreaterThan(500);
		assertThat(failures).as("server errors").isEmpty();
	}

	/** The names of the handler's {@code @RequestParam}s, as a client would send them. */
	private static List<String> queryParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation != null) {
				String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
				if (name != null) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
