package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** GET /api/escalations with its filters and paging, and acknowledging. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class EscalationApiTests {

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

	@BeforeEach
	void raiseAYellowWarning() {
		ClockUtil.setCurrentTime(Date.from(EscalationTimeTravelTests.MONDAY_9));
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		caseId = runtime.startProcessInstanceById(definition, "SEAL-2026-000001").getId();
		Task accept = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
		Instant warnAt = accept.getFollowUpDate().toInstant();
		ClockUtil.setCurrentTime(Date.from(warnAt));
		for (Job job : management.createJobQuery().processInstanceId(caseId).timers().list()) {
			if (job.getDuedate().toInstant().equals(warnAt)) {
				management.executeJob(job.getId());
			}
		}
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void listsEscalationsWithFiltersAndPaging() throws Exception {
		mvc.perform(get("/api/escalations?caseId=" + caseId).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].level").value("YELLOW"))
			.andExpect(jsonPath("$.items[0].scope").value("STEP"))
			.andExpect(jsonPath("$.items[0].status").value("OPEN"))
			.andExpect(jsonPath("$.items[0].caseNumber").value("SEAL-2026-000001"))
			.andExpect(jsonPath("$.items[0].stepName").value("受理"))
			.andExpect(jsonPath("$.items[0].powerName").value("公章刻制备案"))
			.andExpect(jsonPath("$.items[0].deadline").value("2026-11-24T17:30:00+08:00"));
		mvc.perform(get("/api/escalations?caseId=" + caseId + "&level=red").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		// Raised on Tuesday 24 November at noon (Beijing): inside a period ending that day, outside one
		// ending the day before.
		mvc.perform(get("/api/escalations?caseId=" + caseId + "&from=2026-11-01&to=2026-11-24")
			.with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/escalations?caseId=" + caseId + "&from=2026-11-01&to=2026-11-23")
			.with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/escalations?caseId=" + caseId + "&size=1&page=1").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void unknownFilterValuesAreRefusedWithTheAllowedOnes() throws Exception {
		mvc.perform(get("/api/escalations?level=ORANGE").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("[YELLOW, RED]")));
		mvc.perform(get("/api/escalations?status=LOST").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("OPEN")));
		mvc.perform(get("/api/escalations?from=yesterday").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("from")));
		mvc.perform(get("/api/escalations?size=0").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/escalations?page=x").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aSupervisorAcknowledgesOnceWithANote() throws Exception {
		String id = jdbc.queryForObject("select id from sl_escalation where case_id = ?", String.class, caseId);
		mvc.perform(post("/api/escalations/" + id + "/acknowledge").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已电话督促经办人\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.acknowledgedBy").value("supervisor"))
			.andExpect(jsonPath("$.note").value("已电话督促经办人"));
		mvc.perform(post("/api/escalations/" + id + "/acknowledge").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("ACKNOWLEDGED")));
		assertThat(jdbc.queryForObject("select note from sl_escalation where id = ?", String.class, id))
			.isEqualTo("已电话督促经办人");
	}

	@Test
	void refusesUnknownIdsOtherRolesAndBadBodiesWithoutChangingAnything() throws Exception {
		mvc.perform(post("/api/escalations/no-such-id/acknowledge").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isNotFound());
		String id = jdbc.queryForObject("select id from sl_escalation where case_id = ?", String.class, caseId);
		mvc.perform(post("/api/escalations/" + id + "/acknowledge").with(httpBasic("handler1", "demo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/escalations").with(httpBasic("handler1", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/escalations")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/escalations/" + id + "/acknowledge").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": [1,2]"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.queryForObject("select status from sl_escalation where id = ?", String.class, id))
			.isEqualTo("OPEN");
	}

}
