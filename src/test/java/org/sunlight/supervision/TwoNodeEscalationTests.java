package org.sunlight.supervision;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.SunlightApplication;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;

/**
 * Two nodes, each with its own job executor, on one PostgreSQL database: 500 timers falling due
 * together produce exactly 500 escalation rows, none lost and none doubled.
 */
@PostgresTest
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext
class TwoNodeEscalationTests {

	static final int CASES = 125;
	static final int TIMERS = CASES * 4;

	static String url;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = PostgresDatabase.register(registry, "sunlight_two_nodes");
	}

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void fiveHundredDueTimersOnTwoNodesGiveExactlyFiveHundredEscalations() throws InterruptedException {
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(SunlightApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password=",
					"--camunda.bpm.job-execution.enabled=true")) {
			// Every case starts a month ago on the engine clock; back at now, all four of each
			// case's timers (step yellow/red, case yellow/red) are due at once on both nodes.
			ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
			for (int i = 0; i < CASES; i++) {
				runtime.startProcessInstanceById(definition, "TWO-NODES-" + i);
			}
			assertThat(management.createJobQuery().timers().count()).isEqualTo(TIMERS);
			ClockUtil.reset();

			Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
			while (count() < TIMERS && Instant.now().isBefore(giveUp)) {
				Thread.sleep(200);
			}
			// Give a doubled write, were there one, time to show.
			Thread.sleep(1000);
			assertThat(count()).isEqualTo(TIMERS);
			assertThat(jdbc.queryForObject("select count(distinct subject_key || level) from sl_escalation",
					Integer.class)).isEqualTo(TIMERS);
			assertThat(management.createJobQuery().timers().count()).isZero();
			assertThat(management.createJobQuery().withException().count()).isZero();
		}
	}

	private int count() {
		return jdbc.queryForObject("select count(*) from sl_escalation", Integer.class);
	}

}
