package org.sunlight.operations.internal;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;

/**
 * Jobs left locked by a node that died are taken over by a surviving node once their lock
 * expires, and the configured lock time is what bounds that: 15 s, not Camunda's 5 minutes.
 * The dead node is played by rows locked in its name, as a kill -9 leaves them; the lock's expiry
 * is reached by moving the engine clock, which the job acquisition reads.
 */
@PostgresTest
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext
class PostgresFailoverTests {

	static final int CASES = 10;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_failover");
	}

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngineConfiguration engine;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aDeadNodesLockedJobsFireOnTheSurvivorOnceTheirLockExpires() throws InterruptedException {
		long lockMillis = ((ProcessEngineConfigurationImpl) engine).getJobExecutor().getLockTimeInMillis();
		assertThat(lockMillis).isEqualTo(15_000);

		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		// Cases started a month ago on the engine clock: back at now, their timers are due.
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(30))));
		for (int i = 0; i < CASES; i++) {
			runtime.startProcessInstanceById(definition, "FAILOVER-" + i);
		}
		long timers = management.createJobQuery().timers().count();
		// The dead node had acquired them all a moment before it was killed.
		Instant lockedUntil = now.plusMillis(lockMillis);
		jdbc.update("update act_ru_job set lock_owner_ = 'node-killed', lock_exp_time_ = ? where type_ = 'timer'",
				Timestamp.from(lockedUntil));

		// Just before the lock expires, the survivor leaves the jobs alone.
		ClockUtil.setCurrentTime(Date.from(lockedUntil.minusSeconds(1)));
		Thread.sleep(3000);
		assertThat(escalations()).isZero();

		// Once it has expired, the survivor takes them over within its acquisition wait.
		ClockUtil.setCurrentTime(Date.from(lockedUntil.plusSeconds(1)));
		Instant giveUp = Instant.now().plusSeconds(30);
		while (escalations() < timers && Instant.now().isBefore(giveUp)) {
			Thread.sleep(100);
		}
		assertThat(escalations()).isEqualTo(timers);
		assertThat(jdbc.queryForObject("select count(distinct subject_key || level) from sl_escalation",
				Integer.class)).isEqualTo((int) timers);
	}

	private long escalations() {
		return jdbc.queryForObject("select count(*) from sl_escalation", Long.class);
	}

}
