package org.sunlight.home;

import static org.sunlight.home.HomeFixtures.clockAt;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.modeling.PowerDeployment;

/** The inbox and home tests' application and their {@link HomeFixtures}, prepared before and cleaned after each test. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class HomeTestBase {

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

	HomeFixtures home;

	@BeforeEach
	void prepare() throws Exception {
		home = new HomeFixtures(mvc, deployment, runtime, tasks, management, jdbc);
		clockAt("2026-11-23T08:00");
		home.prepare();
	}

	@AfterEach
	void cleanUp() {
		home.cleanUp();
	}

}
