package org.sunlight.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Completing a task looks its subtasks up through Sunlight's index on the parent task, not by
 * reading every open task (on PostgreSQL: PostgresQueryPlanTests).
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class TaskParentIndexPluginTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskParentIndexPlugin plugin;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	@Test
	void theEnginesSubtaskLookupUsesTheIndex() {
		// the statement of Camunda's selectTasksByParentTaskId
		String plan = jdbc.queryForObject("explain select * from act_ru_task where parent_task_id_ = 'a-task'",
				String.class);
		assertThat(plan).as(plan).containsIgnoringCase(TaskParentIndexPlugin.INDEX);
	}

	@Test
	void anotherStartFindsTheIndexThereAndLeavesIt() {
		plugin.postProcessEngineBuild(engine);
		assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes where lower(index_name) = ?",
				Integer.class, TaskParentIndexPlugin.INDEX)).isOne();
	}

	@Test
	void aNodeThatCannotCreateItStartsAndSaysWhatToRun(CapturedOutput output) {
		// as on a database where the engine's tables live elsewhere than this user can reach
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setDataSource(dataSource);
		configuration.setDatabaseTablePrefix("no_such_schema.");
		TaskParentIndexPlugin elsewhere = new TaskParentIndexPlugin();
		elsewhere.postInit(configuration);

		assertThatCode(() -> elsewhere.postProcessEngineBuild(engine)).doesNotThrowAnyException();
		assertThat(output).contains("An administrator can run: create index if not exists ix_sl_act_ru_task_parent"
				+ " on no_such_schema.act_ru_task (parent_task_id_)");
	}

}
