package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
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
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** Supervision orders: a reply task for the responsible post, with its own limit that escalates. */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	String caseId;

	String escalationId;

	@BeforeEach
	void raiseAYellowWarning() {
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T09:00")));
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		caseId = runtime.startProcessInstanceById(definition, "ORDER-" + System.nanoTime()).getId();
		fireDue(caseId, at("2026-11-24T12:00"));
		escalationId = jdbc.queryForObject("select id from sl_escalation where case_id = ?", String.class, caseId);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anOrderReachesTheResponsiblePostAndEscalatesWhenIgnored() throws Exception {
		mvc.perform(post("/api/escalations/" + escalationId + "/orders").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"instruction\":\"请于今日内办结并说明延误原因\",\"replyWithin\":\"PT4H\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.escalationId").value(escalationId))
			.andExpect(jsonPath("$.caseId").value(caseId))
			.andExpect(jsonPath("$.instruction").value("请于今日内办结并说明延误原因"))
			.andExpect(jsonPath("$.issuedBy").value("supervisor"));

		String orderCase = jdbc.queryForObject("select order_case_id from sl_supervision_order where escalation_id = ?",
				String.class, escalationId);
		Task reply = tasks.createTaskQuery().processInstanceId(orderCase).singleResult();
		assertThat(reply.getName()).isEqualTo("回复督办");
		assertThat(tasks.getIdentityLinksForTask(reply.getId())).extracting(IdentityLink::getGroupId)
			.contains("seal-window");
		// Four working hours from Tuesday 12:00: 13:30–17:30.
		assertThat(reply.getDueDate().toInstant()).isEqualTo(at("2026-11-24T17:30"));

		fireDue(orderCase, reply.getFollowUpDate().toInstant());
		fireDue(orderCase, reply.getDueDate().toInstant());
		List<String> levels = jdbc.queryForList(
				"select level from sl_escalation where case_id = ? and power_code = ? order by raised_at", String.class,
				orderCase, SupervisionOrders.ORDER_POWER);
		assertThat(levels).containsExactly("YELLOW", "RED");
	}

	@Test
	void refusesBadOrdersWithoutStartingAnything() throws Exception {
		long cases = runtime.createProcessInstanceQuery().count();
		mvc.perform(post("/api/escalations/no-such/orders").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\",\"replyWithin\":\"P1D\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/escalations/" + escalationId + "/orders").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\",\"replyWithin\":\"-P1D\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/escalations/" + escalationId + "/orders").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"replyWithin\":\"P1D\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("instruction")));
		mvc.perform(post("/api/escalations/" + escalationId + "/orders").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\",\"replyWithin\":\"P1D\"}"))
			.andExpect(status().isForbidden());
		tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
		mvc.perform(post("/api/escalations/" + escalationId + "/orders").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\",\"replyWithin\":\"P1D\"}"))
			.andExpect(status().isConflict());
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision_order").count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(cases);
	}

	private void fireDue(String caseId, Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery().processInstanceId(caseId).timers().list().stream()
			.filter(job -> job.getDuedate().toInstant().equals(due))
			.toList();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
