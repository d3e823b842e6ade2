package org.sunlight.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Completing a task looks its subtasks up through Sunlight's index on the parent task, not by
 * reading every open task (on PostgreSQL: PostgresQueryPlanTests).
 */
@SpringBootTest
class TaskParentIndexPluginTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskParentIndexPlugin plugin;

	@Autowired
	ProcessEngine engine;

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

}
