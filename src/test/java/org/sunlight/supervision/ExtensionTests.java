package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** Extensions (延长): requested by a handler, decided once by the leader, moving the case limit. */
@SpringBootTest
@AutoConfigureMockMvc
class ExtensionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Clocks clocks;

	String definitionId;

	@BeforeEach
	void deploy() {
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T09:00")));
		definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test").processDefinitionId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anApprovedExtensionMovesTheCaseDeadlineAndItsTimer() throws Exception {
		String caseId = start();
		assertThat(clocks.caseSchedule(caseId).orElseThrow().deadline()).isEqualTo(at("2026-11-26T17:30"));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P5D\",\"reason\":\"需组织现场核查，依法延长\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.requestedBy").value("handler1"));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "leader", "{\"note\":\"同意\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("leader"))
			// API.md: instants with China Standard Time's offset, in every response
			.andExpect(jsonPath("$.oldDeadline").value("2026-11-26T17:30:00+08:00"))
			.andExpect(jsonPath("$.newDeadline").value("2026-12-03T17:30:00+08:00"));

		// Five working days after Thursday 26 November: 27, 30 November, 1, 2, 3 December.
		Instant extended = at("2026-12-03T17:30");
		assertThat(clocks.caseSchedule(caseId).orElseThrow().deadline()).isEqualTo(extended);
		assertThat(management.createJobQuery().processInstanceId(caseId).timers().list())
			.filteredOn(job -> caseId.equals(job.getExecutionId()))
			.extracting(Job::getDuedate)
			.contains(Date.from(extended))
			.doesNotContain(Date.from(at("2026-11-26T17:30")));
	}

	@Test
	void aCaseGetsOneExtensionWithinTheMaximumDecidedOnce() throws Exception {
		String caseId = start();
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P11D\",\"reason\":\"延长\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("P10D")));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"-P1D\",\"reason\":\"延长\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1", "{\"amount\":\"P2D\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("reason")));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "leader", "{}"))
			.andExpect(status().isNotFound());

		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P2D\",\"reason\":\"依法延长\"}"))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P1D\",\"reason\":\"再次延长\"}"))
			.andExpect(status().isConflict());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "handler1", "{}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/reject"), "leader", "{\"note\":\"理由不充分\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions/approve"), "leader", "{}"))
			.andExpect(status().isConflict());
		assertThat(clocks.caseSchedule(caseId).orElseThrow().deadline()).isEqualTo(at("2026-11-26T17:30"));
		mvc.perform(json(post("/api/cases/no-such-case/extensions"), "handler1",
				"{\"amount\":\"P2D\",\"reason\":\"依法延长\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPowerMayNameItsOwnMaximum() throws Exception {
		String own = Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"TEST-SEAL-001\" maxExtension=\"P3D\"");
		definitionId = deployment.deploy(own.getBytes(StandardCharsets.UTF_8), "test").processDefinitionId();
		String caseId = start();
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P4D\",\"reason\":\"延长\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("P3D")));
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P3D\",\"reason\":\"依法延长\"}"))
			.andExpect(status().isCreated());
	}

	private String start() {
		return runtime.startProcessInstanceById(definitionId, "EXT-" + System.nanoTime()).getId();
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
