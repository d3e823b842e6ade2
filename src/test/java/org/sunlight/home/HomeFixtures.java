package org.sunlight.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * A county of its own for the inbox and home tests, so their counts are exact in the shared test
 * database: unit {@code home-unit} with department {@code home-dept} and post {@code home-window},
 * its handlers, supervisor and principal leader, a leader of another unit, and power HM-HOME-001
 * (the seal-engraving sample moved there: accepting within one working day, warned four working
 * hours before, then deciding within two). Cases are started, claimed and completed through the
 * workspace's own endpoints, on the engine clock.
 */
final class HomeFixtures {

	static final String PASSWORD = "home-pass-1";
	static final String POWER = "HM-HOME-001";
	static final String HANDLER = "home-handler";
	static final String HANDLER_NAME = "经办人 韩梅";
	static final String OTHER_HANDLER = "home-handler2";
	static final String SUPERVISOR = "home-supervisor";
	static final String SUPERVISOR_NAME = "纪检监察员 何平";
	static final String LEADER = "home-leader";
	static final String LEADER_NAME = "局长 江涛（主要领导）";
	static final String OUTSIDER = "home-outsider";
	/** Both a handler in home-window and a leader: one page, two sections. */
	static final String MULTI = "home-multi";

	private final MockMvc mvc;
	private final PowerDeployment deployment;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final ManagementService management;
	private final JdbcTemplate jdbc;
	private final List<String> started = new ArrayList<>();

	HomeFixtures(MockMvc mvc, PowerDeployment deployment, RuntimeService runtime, TaskService tasks,
			ManagementService management, JdbcTemplate jdbc) {
		this.mvc = mvc;
		this.deployment = deployment;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.jdbc = jdbc;
	}

	/** The organisation (once per database; the test context is shared) and the power. */
	void prepare() throws Exception {
		if (jdbc.queryForObject("select count(*) from sl_org_unit where id = 'home-unit'", Integer.class) == 0) {
			admin(post("/api/org/units"), "{\"id\":\"home-unit\",\"name\":\"首页县\"}");
			admin(post("/api/org/departments"), "{\"id\":\"home-dept\",\"unitId\":\"home-unit\",\"name\":\"首页县行政审批局\"}");
			admin(post("/api/org/posts"), "{\"id\":\"home-window\",\"departmentId\":\"home-dept\",\"name\":\"综合窗口\"}");
			admin(post("/api/org/units"), "{\"id\":\"home-unit-2\",\"name\":\"邻县\"}");
			admin(post("/api/org/departments"), "{\"id\":\"home-dept-2\",\"unitId\":\"home-unit-2\",\"name\":\"邻县审批局\"}");
			person(HANDLER, HANDLER_NAME, "[\"HANDLER\"]", "[\"home-window\"]");
			person(OTHER_HANDLER, "经办人 李雷", "[\"HANDLER\"]", "[\"home-window\"]");
			person(SUPERVISOR, SUPERVISOR_NAME, "[\"SUPERVISOR\"]", "[]");
			person(LEADER, LEADER_NAME, "[\"LEADER\"]", "[]");
			person(OUTSIDER, "邻县县长 高远", "[\"LEADER\"]", "[]");
			person(MULTI, "窗口负责人 周宁", "[\"HANDLER\",\"LEADER\"]", "[]");
			admin(put("/api/org/units/home-unit/leaders"), "{\"principal\":\"" + LEADER + "\",\"deputies\":[]}");
			admin(put("/api/org/units/home-unit-2/leaders"), "{\"principal\":\"" + OUTSIDER + "\",\"deputies\":[]}");
			admin(put("/api/org/supervisors/" + SUPERVISOR), "{\"departments\":[\"home-dept\"]}");
		}
		String power = Models.text("api/seal-engraving-permit.bpmn")
			.replace("TEST-SEAL-001", POWER)
			.replace("公章刻制备案", "首页测试事项")
			.replace("seal_engraving_permit", "home_power")
			.replace("public-security-bureau", "home-dept")
			.replace("seal-window", "home-window")
			.replace("seal-leader", "home-window");
		deployment.deploy(power.getBytes(StandardCharsets.UTF_8), "test");
	}

	/** Ends what the test left running, so the next test's counts start from nothing. */
	void cleanUp() {
		for (String caseId : started) {
			runtime.createProcessInstanceQuery()
				.variableValueEquals("supervisedCaseId", caseId)
				.list()
				.forEach(order -> runtime.deleteProcessInstance(order.getId(), "test over"));
			if (runtime.createProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
				runtime.deleteProcessInstance(caseId, "test over");
			}
			jdbc.update("delete from sl_clock_extension where case_id = ?", caseId);
			jdbc.update("delete from sl_supervision_order where case_id = ?", caseId);
			jdbc.update("update sl_escalation set status = 'RESOLVED' where case_id = ?", caseId);
		}
		started.clear();
		ClockUtil.reset();
	}

	/** Starts a case at this Beijing time as the handler, who claims its first task; returns the case id. */
	String startAndClaim(String beijing, String applicant) throws Exception {
		String caseId = start(beijing, applicant);
		expect(204, send(post("/api/tasks/" + openTask(caseId) + "/claim"), HANDLER, ""));
		return caseId;
	}

	/** Starts a case at this Beijing time as the handler; its first task waits in home-window. */
	String start(String beijing, String applicant) throws Exception {
		clockAt(beijing);
		MockHttpServletResponse response = send(post("/api/cases"), HANDLER,
				"{\"powerCode\":\"" + POWER + "\",\"applicant\":{\"name\":\"" + applicant + "\"}}");
		expect(201, response);
		String caseId = JsonPath.read(response.getContentAsString(), "$.caseId");
		started.add(caseId);
		return caseId;
	}

	String openTask(String caseId) {
		return tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
	}

	void complete(String taskId) throws Exception {
		expect(204, send(post("/api/tasks/" + taskId + "/complete"), HANDLER, "{\"variables\":{}}"));
	}

	/** Runs every timer of the case due by now, as the job executor would: its warnings and alarms are raised. */
	void fireDueTimers(String caseId) {
		management.createJobQuery()
			.processInstanceId(caseId)
			.timers()
			.duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
			.list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	String escalation(String caseId, String level) {
		return jdbc.queryForObject("select id from sl_escalation where case_id = ? and level = ?", String.class, caseId,
				level);
	}

	/** The body of a GET the user makes, which must succeed. */
	String read(String path, String user) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(httpBasic(user, password(user))))
			.andReturn()
			.getResponse();
		expect(200, response);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
		return mvc.perform(request.with(httpBasic(user, password(user)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn().getResponse();
	}

	static String password(String user) {
		return user.startsWith("home-") ? PASSWORD : "demo";
	}

	static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(at(beijing)));
	}

	static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

	static void expect(int status, MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
	}

	private void person(String username, String displayName, String roles, String posts) throws Exception {
		expect(201, send(post("/api/org/people"), "admin",
				"{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"password\":\"" + PASSWORD
						+ "\",\"roles\":" + roles + ",\"posts\":" + posts + "}"));
	}

	private void admin(MockHttpServletRequestBuilder request, String body) throws Exception {
		MockHttpServletResponse response = send(request, "admin", body);
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
	}

}
