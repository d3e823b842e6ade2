package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/** The default warning policy is configuration: here a half of the limit left instead of a third. */
@SpringBootTest(properties = "sunlight.supervision.warn-share=1/2")
class WarnShareConfigurationTests {

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Clocks clocks;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theConfiguredShareSetsTheWarningOfLimitsWithoutTheirOwn() {
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T09:00")));
		String definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		String caseId = runtime.startProcessInstanceById(definitionId, "SHARE-1").getId();
		CaseSchedule schedule = clocks.caseSchedule(caseId).orElseThrow();
		// Promised P3D = 21 working hours; half of it (10 h 30 min) before Thursday's close of
		// business is Wednesday 14:00 (a third would be Wednesday 17:30).
		assertThat(schedule.deadline()).isEqualTo(at("2026-11-26T17:30"));
		assertThat(schedule.warnAt()).isEqualTo(at("2026-11-25T14:00"));
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
