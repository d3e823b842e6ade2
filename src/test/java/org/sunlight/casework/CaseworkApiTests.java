package org.sunlight.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Date;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Starting a case of the land-use sample (XK-LAND-001: Task_Accept, P1D on working days, warning
 * 4 working hours before), its view and the handlers' task operations, with the engine clock
 * fixed on Monday 23 November 2026, 09:00 in Beijing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseworkApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	String caseId;

	String taskId;

	@BeforeEach
	void startACase() throws Exception {
		clockAt("2026-11-23T09:00");
		String body = mvc.perform(json(post("/api/cases"), "handler1", """
				{"powerCode":"XK-LAND-001","applicant":{"name":"某某置业有限公司","phone":"0571-88888888"},
				 "title":"某地块建设用地审批","variables":{"parcelArea":12000}}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caseNumber", matchesPattern("XK-LAND-001-2026-\\d{6}")))
			.andExpect(jsonPath("$.queryCode", matchesPattern("[A-HJ-NP-Z2-9]{8}")))
			.andExpect(jsonPath("$.deadline").value("2026-12-07T17:30:00+08:00"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		caseId = JsonPath.read(body, "$.caseId");
		taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theCaseViewShowsItsTimelineAndClock() throws Exception {
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.powerName").value("建设用地审批"))
			.andExpect(jsonPath("$.applicantName").value("某某置业有限公司"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.lamp").value("GREEN"))
			.andExpect(jsonPath("$.clock.paused").value(false))
			.andExpect(jsonPath("$.steps[0].activityId").value("Task_Accept"))
			.andExpect(jsonPath("$.steps[0].taskId").value(taskId))
			.andExpect(jsonPath("$.steps[0].deadline").value("2026-11-24T17:30:00+08:00"))
			.andExpect(jsonPath("$.steps[0].lamp").value("GREEN"));
		assertThat(runtime.getVariable(caseId, "parcelArea")).isEqualTo(12000);
	}

	@Test
	void theTaskListShowsLampsAndRemainingWorkingTimeAsTheClockMoves() throws Exception {
		mvc.perform(get("/api/tasks?scope=candidate").with(httpBasic("handler2", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].lamp").value("GREEN"))
			// Monday 09:00 to Tuesday 17:30: two full working days of seven hours.
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].remaining").value("PT14H"))
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].candidateGroups[0]").value("land-acceptance-window"))
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].supervisor").value("group:land-bureau-supervision"));
		clockAt("2026-11-24T14:30");
		mvc.perform(get("/api/tasks?lamp=yellow").with(httpBasic("handler2", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].remaining").value("PT3H"));
		clockAt("2026-11-25T10:00");
		mvc.perform(get("/api/tasks").with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].lamp").value("RED"))
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].lamp").value("RED"))
			.andExpect(jsonPath("$[?(@.taskId == '" + taskId + "')].remaining").value("-PT1H"));
	}

	@Test
	void handlersClaimAndCompleteOnlyTheirOwnTasks() throws Exception {
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler2", "demo")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("handler1")));
		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler2",
				"{\"variables\":{\"accepted\":true,\"acceptOpinion\":\"材料齐全\"}}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("handler1")));
		mvc.perform(post("/api/tasks/" + taskId + "/unclaim").with(httpBasic("handler2", "demo")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("only the assignee")));
		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1", "{\"variables\":{\"accepted\":true}}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("acceptOpinion"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1",
				"{\"variables\":{\"accepted\":true,\"acceptOpinion\":\"材料齐全，予以受理\"},\"comment\":\"当场受理\"}"))
			.andExpect(status().isNoContent());
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
		assertThat(tasks.getProcessInstanceComments(caseId)).extracting(c -> c.getFullMessage()).contains("当场受理");
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.steps[0].lamp").value("DONE"))
			.andExpect(jsonPath("$.steps[1].activityId").value("Task_PreliminaryReview"));
	}

	@Test
	void badInputIsRefusedAndStartsNothing() throws Exception {
		long cases = runtime.createProcessInstanceQuery().count();
		mvc.perform(json(post("/api/cases"), "handler1", "{\"powerCode\":\"NO-SUCH\",\"applicant\":{\"name\":\"张三\"}}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/cases"), "handler1", "{\"powerCode\":\"XK-LAND-001\",\"applicant\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("applicant.name")));
		mvc.perform(json(post("/api/cases"), "handler1",
				"{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"张三\"},\"variables\":{\"x\":{\"y\":1}}}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/cases"), "handler1", "{\"powerCode\": 5, \"applicant\": \"张三\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/cases"), "designer", "{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"张三\"}}"))
			.andExpect(status().isForbidden());
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(cases);

		mvc.perform(get("/api/cases/no-such").with(httpBasic("handler1", "demo"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/tasks/no-such/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/tasks?scope=everything").with(httpBasic("handler1", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("candidate")));
		mvc.perform(get("/api/tasks?lamp=blue").with(httpBasic("handler1", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("yellow")));
		mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized());
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + ":00+08:00").toInstant()));
	}

}
