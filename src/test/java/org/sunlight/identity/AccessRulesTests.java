package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * Access by organisation: red alarms reach the leader of the step's risk level, supervisors see
 * only the departments they supervise, handlers only cases they work on, and only the accountable
 * leader decides an extension. TEST-SEAL-001 belongs to public-security-bureau; its Task_Accept
 * has risk level 3 (the department head) and Task_Decide risk level 2 (the deputy in charge).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	String caseId;

	@BeforeEach
	void startASealCase() throws Exception {
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T09:00")));
		deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test");
		String started = mvc.perform(json(post("/api/cases"), "handler1", "demo",
				"{\"powerCode\":\"TEST-SEAL-001\",\"applicant\":{\"name\":\"某印章公司\",\"phone\":\"13800000000\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		caseId = JsonPath.read(started, "$.caseId");
		if (jdbc.queryForObject("select count(*) from sl_account where username = 'land-supervisor'",
				Integer.class) == 0) {
			admin(post("/api/org/people"), """
					{"username":"land-supervisor","displayName":"国土监督员","password":"long-enough-1",
					 "roles":["SUPERVISOR"]}""").andExpect(status().isCreated());
			admin(put("/api/org/supervisors/land-supervisor"), "{\"departments\":[\"land-bureau\"]}")
				.andExpect(status().isOk());
			admin(post("/api/org/people"), """
					{"username":"land-clerk","displayName":"国土窗口","password":"long-enough-2",
					 "roles":["HANDLER"],"posts":["land-acceptance-window"]}""").andExpect(status().isCreated());
		}
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aRedAlarmReachesTheLeaderOfTheStepsRiskLevelAndThatLeadersConsole() throws Exception {
		Task accept = task("Task_Accept");
		fire(accept.getDueDate().toInstant());
		String red = redOf(accept.getId());
		mvc.perform(get("/api/escalations").param("caseId", caseId).param("level", "RED")
			.with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.items[?(@.taskId == '" + accept.getId() + "')].leaders[*]", hasItem("user:head")));
		mvc.perform(get("/api/escalations").param("caseId", caseId).with(httpBasic("head", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(red)));
		// Level 3 goes to the department head only, not up to the county head or the deputy.
		mvc.perform(get("/api/escalations").param("caseId", caseId).with(httpBasic("leader", "demo")))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(red))));
		mvc.perform(get("/api/escalations").param("caseId", caseId).with(httpBasic("deputy", "demo")))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(red))));

		tasks.claim(accept.getId(), "handler1");
		tasks.complete(accept.getId());
		Task decide = task("Task_Decide");
		fire(decide.getDueDate().toInstant());
		String red2 = redOf(decide.getId());
		mvc.perform(get("/api/escalations").param("caseId", caseId).with(httpBasic("deputy", "demo")))
			.andExpect(jsonPath("$.items[*].id", hasItem(red2)))
			.andExpect(jsonPath("$.items[*].leaders[*]", not(hasItem("user:head"))));
		// Yellow warnings are the supervisor's; they reach no leader.
		assertThat(jdbc.queryForList("select leaders from sl_escalation where case_id = ? and level = 'YELLOW'",
				String.class, caseId)).containsOnlyNulls();
	}

	@Test
	void aSupervisorSeesAndActsOnlyInTheDepartmentsTheySupervise() throws Exception {
		Task accept = task("Task_Accept");
		fire(accept.getDueDate().toInstant());
		String red = redOf(accept.getId());

		mvc.perform(get("/api/escalations").param("caseId", caseId).with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/escalations").param("department", "public-security-bureau")
			.with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/escalations/" + red + "/acknowledge").with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("public-security-bureau")));
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.caseNumber").doesNotExist());
		mvc.perform(get("/api/tasks").with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(jsonPath("$[*].caseId", not(hasItem(caseId))));
		mvc.perform(get("/api/tasks/" + accept.getId()).with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/cases/" + caseId + "/comments").with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/cases/" + caseId + "/attachments").with(httpBasic("land-supervisor", "long-enough-1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/cases/" + caseId + "/comments").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select status from sl_escalation where id = ?", String.class, red))
			.isEqualTo("OPEN");

		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("supervisor", "demo"))).andExpect(status().isOk());
		mvc.perform(post("/api/escalations/" + red + "/acknowledge").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk());
	}

	@Test
	void aHandlerReadsAndPausesOnlyCasesTheyWorkOn() throws Exception {
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("land-clerk", "long-enough-2")))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/cases/" + caseId + "/clock/suspend"), "land-clerk", "long-enough-2",
				"{\"category\":\"SUPPLEMENT\",\"reason\":\"补正\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "land-clerk", "long-enough-2",
				"{\"amount\":\"P2D\",\"reason\":\"延长\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from sl_clock_pause where case_id = ?", Integer.class, caseId))
			.isZero();

		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("handler1", "demo"))).andExpect(status().isOk());
		mvc.perform(get("/api/cases/no-such-case").with(httpBasic("land-clerk", "long-enough-2")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAccountableLeaderDecidesAnExtension() throws Exception {
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1", "demo",
				"{\"amount\":\"P2D\",\"reason\":\"需现场核查\"}"))
			.andExpect(status().isCreated());
		// The department head is a leader, but not the head of the administrative organ.
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "head", "demo", "{}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "deputy", "demo", "{\"note\":\"同意\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decidedBy").value("deputy"));
	}

	@Test
	void theAssigneeHandsATaskOverToAColleagueInItsPostsAndTheClockRunsOn() throws Exception {
		Task accept = task("Task_Accept");
		mvc.perform(post("/api/tasks/" + accept.getId() + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(json(post("/api/tasks/" + accept.getId() + "/reassign"), "handler2", "demo", "{\"assignee\":\"handler1\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/tasks/" + accept.getId() + "/reassign"), "handler1", "demo",
				"{\"assignee\":\"land-clerk\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("land-clerk")));
		mvc.perform(json(post("/api/tasks/" + accept.getId() + "/reassign"), "handler1", "demo", "{}"))
			.andExpect(status().isBadRequest());
		assertThat(task("Task_Accept").getAssignee()).isEqualTo("handler1");

		mvc.perform(json(post("/api/tasks/" + accept.getId() + "/reassign"), "handler1", "demo",
				"{\"assignee\":\"handler2\"}"))
			.andExpect(status().isNoContent());
		Task handedOver = task("Task_Accept");
		assertThat(handedOver.getAssignee()).isEqualTo("handler2");
		assertThat(handedOver.getDueDate()).isEqualTo(accept.getDueDate());
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'TASK_REASSIGNED' and actor = 'handler1'
				  and subject_id = ?""", Integer.class, accept.getId())).isOne();
	}

	private String redOf(String taskId) {
		return jdbc.queryForObject("select id from sl_escalation where task_id = ? and level = 'RED'", String.class,
				taskId);
	}

	private Task task(String stepId) {
		return tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(stepId).singleResult();
	}

	/** Moves the engine clock to {@code due} and runs every timer of the case due by then. */
	private void fire(Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery().processInstanceId(caseId).timers().duedateLowerThan(
				Date.from(due.plusSeconds(1))).list();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private ResultActions admin(MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(request.with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user,
			String password, String body) {
		return request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
