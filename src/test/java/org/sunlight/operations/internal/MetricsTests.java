package org.sunlight.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** The Prometheus endpoint is for administrators, and the meters move with what they count. */
// Spring Boot's tests turn metrics export off unless asked: this one is about the export.
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class MetricsTests {

	static final Instant MONDAY_9 = Instant.parse("2026-11-23T01:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	OperationsMetrics metrics;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void onlyAnAdministratorReadsTheMetrics() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("handler1", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sunlight_jobs_due")))
			.andExpect(content().string(containsString("sunlight_stream_subscribers{application=\"sunlight\",stream=\"escalation-stream\"}")))
			.andExpect(content().string(containsString("sunlight_audit_unsealed")));
	}

	@Test
	void aRaisedWarningMovesItsCounterOnceAndADueTimerTheBacklog() throws Exception {
		double before = raised("YELLOW");
		ClockUtil.setCurrentTime(Date.from(MONDAY_9));
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		String caseId = runtime.startProcessInstanceById(definition, "SEAL-2026-000077").getId();
		Task accept = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
		Instant warnAt = accept.getFollowUpDate().toInstant();

		ClockUtil.setCurrentTime(Date.from(warnAt.plusSeconds(90)));
		OperationsMetrics.Sample waiting = metrics.sample();
		assertThat(waiting.jobsDue()).isGreaterThanOrEqualTo(1);
		// The warning's timer has waited the 90 s the clock moved past it.
		assertThat(waiting.oldestDueSeconds()).isGreaterThanOrEqualTo(90);
		assertThat(gauge("sunlight.jobs.due")).isEqualTo(waiting.jobsDue());

		for (Job job : management.createJobQuery().processInstanceId(caseId).timers().list()) {
			if (job.getDuedate().toInstant().equals(warnAt)) {
				management.executeJob(job.getId());
			}
		}
		assertThat(raised("YELLOW")).isEqualTo(before + 1);
		assertThat(metrics.sample().jobsDue()).isEqualTo(waiting.jobsDue() - 1);
		mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
			.andExpect(content().string(containsString("sunlight_escalations_raised_total{application=\"sunlight\",level=\"YELLOW\",scope=\"STEP\"}")));
	}

	@Test
	void theCalendarGaugeSaysWhichYearsTheHolidayTableCovers() {
		// The bundled table covers 2025 and 2026 (V2__calendar.sql); a clock in 2031 finds neither year covered.
		ClockUtil.setCurrentTime(Date.from(MONDAY_9));
		metrics.sample();
		assertThat(meters.get("sunlight.calendar.year.covered").tag("year", "current").gauge().value()).isEqualTo(1.0);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-06-01T00:00:00Z")));
		metrics.sample();
		assertThat(meters.get("sunlight.calendar.year.covered").tag("year", "current").gauge().value()).isEqualTo(0.0);
		assertThat(meters.get("sunlight.calendar.year.covered").tag("year", "next").gauge().value()).isEqualTo(0.0);
	}

	private double raised(String level) {
		Counter counter = meters.find("sunlight.escalations.raised").tag("level", level).tag("scope", "STEP").counter();
		return counter == null ? 0 : counter.count();
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}

}
