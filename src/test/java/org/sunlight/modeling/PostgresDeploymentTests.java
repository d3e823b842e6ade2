package org.sunlight.modeling;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;

/** Deployment and versioning on the real PostgreSQL server, including a second node's start-up. */
@PostgresTest
@SpringBootTest
@DirtiesContext
class PostgresDeploymentTests {

	static String url;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = PostgresDatabase.register(registry, "sunlight_deploy");
	}

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void deploysVersionsAndRefusesInvalidModelsWithoutTrace() {
		byte[] model = Models.bytes("api/seal-engraving-permit.bpmn");
		DeploymentResult first = deployment.deploy(model, "test");
		DeploymentResult second = deployment.deploy(model, "test");
		assertThat(second.version()).isEqualTo(first.version() + 1);

		long deployments = repository.createDeploymentQuery().count();
		byte[] invalid = Models.text("api/seal-engraving-permit.bpmn")
			.replace("supervisor=\"group:discipline-office\" riskLevel=\"2\"", "riskLevel=\"2\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThatThrownBy(() -> deployment.deploy(invalid, "test")).isInstanceOf(InvalidModelException.class);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(jdbc.queryForObject("select max(version) from sl_power_version where power_code = 'TEST-SEAL-001'",
				Integer.class)).isEqualTo(second.version());

		String instance = runtime.startProcessInstanceById(second.processDefinitionId()).getId();
		assertThat(management.createJobQuery().processInstanceId(instance).timers().count()).isEqualTo(4);
	}

	@Test
	void aSecondNodeStartingOnTheSameDatabaseRedeploysNothing() {
		long deployments = repository.createDeploymentQuery().count();
		assertThat(jdbc.queryForObject("select count(*) from sl_catalog_power", Integer.class)).isGreaterThanOrEqualTo(5);
		try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(SunlightApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password=",
					"--camunda.bpm.job-execution.enabled=false")) {
			assertThat(secondNode.getBean(RepositoryService.class).createDeploymentQuery().count())
				.isEqualTo(deployments);
		}
	}

}
