package org.sunlight.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Challenges;
import org.sunlight.support.Models;

/**
 * Nothing in {@code /api/public/**} is personal (docs/portal.md). Two cases are started for a named
 * applicant with an ID number and a phone, with those in the title, the opinions and a pause
 * reason, and handled by {@code handler1} (经办人 张伟); one is concluded, the other waits at a step
 * assigned to the user {@code wangxiaoming}. Then every public endpoint, found in the application's
 * own request mappings, is called with that data ({@link #probes}), and every answer, headers and
 * body, is scanned ({@link PersonalData}) for names, ID numbers, unmasked phones, usernames,
 * display names and emails. A public GET endpoint without a probe fails the test, so an endpoint
 * added later must be given one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPersonalDataScanTests {

	static final String APPLICANT = "欧阳明月";
	static final String ID_NUMBER = "11010519850315002X";
	static final String PHONE = "13712345678";
	static final String EMAIL = "ouyang.mingyue@example.cn";
	static final String CLIENT = "10.17.9.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	TaskService tasks;

	@Autowired
	Organisation organisation;

	@Autowired
	PublicStatistics statistics;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Started(String caseId, String caseNumber, String queryCode) {
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void noPublicAnswerCarriesANameAnIdNumberAPhoneAUsernameOrAnEmail() throws Exception {
		clockAt("2026-11-23T09:00");
		deployment.deployIfChanged(Models.bytes("api/portal-assigned-power.bpmn"), "test");
		Started concluded = start();
		decide(concluded, false);
		Started waiting = start();
		String accept = tasks.createTaskQuery().processInstanceId(waiting.caseId()).singleResult().getId();
		as("handler1", post("/api/tasks/" + accept + "/claim"), null);
		clockAt("2026-11-23T10:00");
		as("handler1", post("/api/cases/" + waiting.caseId() + "/clock/suspend"), """
				{"category":"SUPPLEMENT","reason":"请%s（%s，电话 %s，%s）补交材料"}""".formatted(APPLICANT, ID_NUMBER,
				PHONE, EMAIL));
		clockAt("2026-11-24T10:00");
		as("handler1", post("/api/cases/" + waiting.caseId() + "/clock/resume"), null);
		decide(waiting, true);
		assertThat(tasks.createTaskQuery().processInstanceId(waiting.caseId()).singleResult().getAssignee())
			.isEqualTo("wangxiaoming");
		statistics.forget();

		Map<String, List<String>> probes = probes(concluded, waiting);
		Set<String> endpoints = publicEndpoints();
		Set<String> unprobed = new TreeSet<>(endpoints.stream().filter(e -> e.startsWith("GET ")).toList());
		unprobed.removeAll(probes.keySet());
		assertThat(unprobed).as("public GET endpoints without a probe in this test").isEmpty();
		assertThat(endpoints).as("probes of endpoints the application no longer has").containsAll(probes.keySet());

		PersonalData personal = PersonalData.of(organisation.chart(), Set.of(APPLICANT),
				Set.of("wangxiaoming", "zhaoliuliu", "handler1", "handler2"));
		List<String> leaks = new ArrayList<>();
		int answered = 0;
		for (Map.Entry<String, List<String>> probe : probes.entrySet()) {
			assertThat(probe.getValue()).as(probe.getKey() + " probes").isNotEmpty();
			for (String uri : probe.getValue()) {
				MockHttpServletResponse response = mvc.perform(get(uri).with(r -> {
					r.setRemoteAddr(CLIENT);
					return r;
				})).andReturn().getResponse();
				assertThat(response.getStatus()).as(uri).isLessThan(500).isNotEqualTo(429);
				answered += response.getStatus() == 200 ? 1 : 0;
				StringBuilder all = new StringBuilder(response.getContentAsString());
				response.getHeaderNames().forEach(h -> all.append('\n').append(h).append(": ")
					.append(String.join(", ", response.getHeaders(h))));
				personal.findIn(all.toString()).forEach(found -> leaks.add(uri + ": " + found));
			}
		}
		assertThat(leaks).as("personal data in public answers").isEmpty();
		assertThat(answered).as("answers with real data").isGreaterThanOrEqualTo(probes.size());
	}

	@Test
	void theScanFindsWhatItLooksFor() {
		PersonalData personal = PersonalData.of(organisation.chart(), Set.of(APPLICANT), Set.of("wangxiaoming"));
		assertThat(personal.findIn("{\"applicant\":\"欧*\",\"supervisor\":\"指定监督人\",\"responsible\":[\"指定经办人\"],"
				+ "\"post\":\"seal-leader\",\"at\":\"2026-11-23T09:00:00+08:00\",\"n\":13712345678901}")).isEmpty();
		assertThat(personal.findIn("{\"a\":\"欧阳明月\"}")).containsExactly("name '欧阳明月'");
		assertThat(personal.findIn("{\"a\":\"经办人 张伟\"}")).contains("name '张伟'", "name '经办人 张伟'");
		assertThat(personal.findIn("{\"a\":\"by handler1\"}")).containsExactly("username 'handler1'");
		assertThat(personal.findIn("<bpmn:userTask camunda:assignee=\"wangxiaoming\"/>"))
			.containsExactly("username 'wangxiaoming'");
		assertThat(personal.findIn("{\"n\":13712345678}")).containsExactly("phone '13712345678'");
		assertThat(personal.findIn("{\"id\":\"身份证 11010519850315002X\"}")).containsExactly("ID number '11010519850315002X'");
		assertThat(personal.findIn("{\"m\":\"ouyang.mingyue@example.cn\"}"))
			.containsExactly("email 'ouyang.mingyue@example.cn'");
		assertThat(personal.findIn("{\"phone\":\"137****5678\"}")).isEmpty();
	}

	/**
	 * Requests with real data for every public GET endpoint: every public power and its diagram,
	 * both cases by their codes (and a wrong one), the statistics of the cases' month and
	 * department. Add one here for every new public endpoint.
	 */
	private Map<String, List<String>> probes(Started concluded, Started waiting) throws Exception {
		String listing = mvc.perform(get("/api/public/powers")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(listing, "$[*].code");
		assertThat(codes).contains("PORTAL-LAND-001");
		Map<String, List<String>> probes = new LinkedHashMap<>();
		probes.put("GET /api/public/powers", List.of("/api/public/powers", "/api/public/powers?q=用地",
				"/api/public/powers?department=land-bureau"));
		probes.put("GET /api/public/powers/{code}", codes.stream().map(c -> "/api/public/powers/" + c).toList());
		probes.put("GET /api/public/powers/{code}/diagram",
				codes.stream().map(c -> "/api/public/powers/" + c + "/diagram").toList());
		probes.put("GET /api/public/cases/{caseNumber}", List.of(
				"/api/public/cases/" + concluded.caseNumber() + "?queryCode=" + concluded.queryCode(),
				"/api/public/cases/" + waiting.caseNumber() + "?queryCode=" + waiting.queryCode().toLowerCase(),
				"/api/public/cases/" + waiting.caseNumber() + "?queryCode=AAAAAAAA"));
		probes.put("GET /api/public/statistics", List.of("/api/public/statistics",
				"/api/public/statistics?from=2026-11&to=2026-11&department=land-bureau",
				"/api/public/statistics?from=2026-11&to=2026-11"));
		probes.put("GET /api/public/complaints/challenge", List.of("/api/public/complaints/challenge"));
		// The applicant complains, by name and phone, about the waiting case; the complaint is followed.
		String filed = mvc.perform(post("/api/public/complaints").with(r -> {
			r.setRemoteAddr(CLIENT);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("subjectKind", "CASE",
				"caseNumber", waiting.caseNumber(), "caseQueryCode", waiting.queryCode(), "text",
				"我是%s（身份证 %s，电话 %s），窗口多次让我补交同一份材料".formatted(APPLICANT, ID_NUMBER, PHONE),
				"anonymous", false, "name", APPLICANT, "phone", PHONE, "challenge", Challenges.solved(mvc)))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		probes.put("GET /api/public/complaints/{complaintNumber}", List.of("/api/public/complaints/"
				+ JsonPath.read(filed, "$.complaintNumber") + "?queryCode=" + JsonPath.read(filed, "$.queryCode")));
		return probes;
	}

	/** "METHOD /pattern" of every handler under /api/public. */
	private Set<String> publicEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/public/") || pattern.equals("/api/public")) {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					assertThat(methods).as("%s names its HTTP method", pattern).isNotEmpty();
					methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
				}
			}
		}
		assertThat(endpoints).isNotEmpty();
		return endpoints;
	}

	private Started start() throws Exception {
		String body = as("handler1", post("/api/cases"), """
				{"powerCode":"PORTAL-LAND-001","title":"%s（%s）的用地申请",
				 "applicant":{"name":"%s","idNumber":"%s","phone":"%s"}}""".formatted(APPLICANT, PHONE, APPLICANT,
				ID_NUMBER, PHONE));
		return new Started(JsonPath.read(body, "$.caseId"), JsonPath.read(body, "$.caseNumber"),
				JsonPath.read(body, "$.queryCode"));
	}

	/** handler1 accepts or refuses the case at its first step, with an opinion that names the applicant. */
	private void decide(Started started, boolean accepted) throws Exception {
		String task = tasks.createTaskQuery().processInstanceId(started.caseId()).taskDefinitionKey("Task_Accept")
			.singleResult().getId();
		if (tasks.createTaskQuery().taskId(task).singleResult().getAssignee() == null) {
			as("handler1", post("/api/tasks/" + task + "/claim"), null);
		}
		clockAt("2026-11-24T11:00");
		as("handler1", post("/api/tasks/" + task + "/complete"), """
				{"variables":{"accepted":%s,"acceptOpinion":"%s（%s）材料%s"}}""".formatted(accepted, APPLICANT, PHONE,
				accepted ? "齐全" : "不全"));
	}

	private String as(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		request.with(httpBasic(user, "demo"));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
		return response.getContentAsString();
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + ":00+08:00").toInstant()));
	}

}
