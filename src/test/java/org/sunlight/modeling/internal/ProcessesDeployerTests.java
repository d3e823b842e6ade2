package org.sunlight.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.SunlightApplication;
import org.sunlight.modeling.ProcessBeans;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.support.Models;

/** Start-up deployment of the sample powers in {@code processes/}, and invariants over them. */
@SpringBootTest
class ProcessesDeployerTests {

	@Autowired
	ProcessesDeployer deployer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	PowerVersions versions;

	@Autowired
	ApplicationContext context;

	@Test
	void deploysEverySampleAtStartUp() throws IOException {
		List<Path> samples = samples();
		assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
		assertThat(jdbc.queryForObject("select count(*) from sl_catalog_power", Integer.class))
			.isGreaterThanOrEqualTo(samples.size());
		for (Path sample : samples) {
			String processId = sample.getFileName().toString().replace(".bpmn", "").replace('-', '_');
			assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count())
				.as("%s is deployed as process %s (file name = process id in kebab-case)", sample, processId)
				.isEqualTo(1);
		}
	}

	@Test
	void doesNotRedeployUnchangedFiles() throws Exception {
		long deployments = repository.createDeploymentQuery().count();
		Integer versionsBefore = jdbc.queryForObject("select count(*) from sl_power_version", Integer.class);
		deployer.run(null);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(jdbc.queryForObject("select count(*) from sl_power_version", Integer.class)).isEqualTo(versionsBefore);
	}

	@Test
	void everyBeanACompiledSampleCallsExists() throws IOException {
		Pattern beanCall = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\.");
		for (Path sample : samples()) {
			String code = jdbc.queryForObject("select power_code from sl_catalog_power where process_key = ?",
					String.class, sample.getFileName().toString().replace(".bpmn", "").replace('-', '_'));
			String compiled = versions.compiled(versions.latest(code).orElseThrow());
			Matcher matcher = beanCall.matcher(compiled);
			while (matcher.find()) {
				String bean = matcher.group(1);
				assertThat(ProcessBeans.ALL).as("bean %s in %s", bean, sample).contains(bean);
				assertThat(context.containsBean(bean)).as("bean %s in %s exists", bean, sample).isTrue();
			}
		}
	}

	@Test
	void aSampleThatFailsValidationStopsStartUpListingItsProblems(@TempDir Path folder) throws IOException {
		String broken = Models.text("api/seal-engraving-permit.bpmn")
			.replace(" camunda:candidateGroups=\"seal-leader\"", "");
		Files.writeString(folder.resolve("seal-engraving-permit.bpmn"), broken, StandardCharsets.UTF_8);
		SpringApplicationBuilder app = new SpringApplicationBuilder(SunlightApplication.class);
		assertThatThrownBy(() -> app.run("--server.port=0", "--sunlight.processes.location=" + folder.toUri(),
				"--spring.datasource.url=jdbc:h2:mem:broken-sample;DB_CLOSE_DELAY=-1",
				"--camunda.bpm.job-execution.enabled=false"))
			.hasStackTraceContaining("Power model seal-engraving-permit.bpmn")
			.hasStackTraceContaining("at Task_Decide");
	}

	static List<Path> samples() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
