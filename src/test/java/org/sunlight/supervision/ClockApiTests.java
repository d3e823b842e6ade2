package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** POST /api/cases/{id}/clock/suspend and /resume, with their bad inputs. */
@SpringBootTest
@AutoConfigureMockMvc
class ClockApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ClockPauses pauses;

	String caseId;

	@BeforeEach
	void start() {
		clockAt("2026-11-23T09:00");
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		caseId = runtime.startProcessInstanceById(definition, "CLOCK-" + System.nanoTime()).getId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void suspendShowsThePausedCaseAndResumeTheShiftedDeadline() throws Exception {
		clockAt("2026-11-24T09:00");
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"PUBLIC_NOTICE\",\"reason\":\"公示七日\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lamp").value("PAUSED"))
			.andExpect(jsonPath("$.clock.paused").value(true))
			.andExpect(jsonPath("$.clock.pauses[0].category").value("PUBLIC_NOTICE"))
			.andExpect(jsonPath("$.clock.pauses[0].reason").value("公示七日"))
			.andExpect(jsonPath("$.clock.pauses[0].by").value("handler1"))
			.andExpect(jsonPath("$.deadline").value("2026-11-26T17:30:00+08:00"));
		clockAt("2026-11-25T09:00");
		mvc.perform(post("/api/cases/" + caseId + "/clock/resume").with(httpBasic("handler2", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clock.paused").value(false))
			.andExpect(jsonPath("$.clock.pauses[0].endedBy").value("handler2"))
			.andExpect(jsonPath("$.clock.pauses[0].paused").value("PT7H"))
			.andExpect(jsonPath("$.deadline").value("2026-11-27T17:30:00+08:00"))
			.andExpect(jsonPath("$.lamp").value("GREEN"));
		mvc.perform(get("/api/cases/" + caseId + "/clock").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clock.pauses.length()").value(1));
	}

	@Test
	void badRequestsAreRefusedAndChangeNothing() throws Exception {
		mvc.perform(post("/api/cases/" + caseId + "/clock/resume").with(httpBasic("handler1", "demo")))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"LUNCH\",\"reason\":\"午休\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("SUPPLEMENT")));
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"HEARING\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("reason")));
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"HEARING\",\"reason\":\"听证\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/cases/no-such/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"HEARING\",\"reason\":\"听证\"}"))
			.andExpect(status().isNotFound());
		assertThat(pauses.pauses(caseId)).isEmpty();

		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"HEARING\",\"reason\":\"听证\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"HEARING\",\"reason\":\"听证\"}"))
			.andExpect(status().isConflict());
		assertThat(pauses.pauses(caseId)).hasSize(1);
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + ":00+08:00").toInstant()));
	}

}
