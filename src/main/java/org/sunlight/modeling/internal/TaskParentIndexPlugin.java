package org.sunlight.modeling.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the index Camunda's schema lacks on {@code ACT_RU_TASK.PARENT_TASK_ID_}
 * (camunda/camunda#36824). Completing a task asks for its subtasks by that column, so without it
 * every completion read every open task of every case: 4 ms a completion on H2 with 10,000 open
 * tasks, and growing with them (docs/benchmarks.md, session 7).
 * <p>
 * Made here rather than by Flyway, which runs before the engine has created its tables; once the
 * engine has built them (or found them), {@code create index if not exists} is a no-op on every
 * later start. Should it fail, the node still starts, with a warning that gives the statement.
 */
@Component
class TaskParentIndexPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(TaskParentIndexPlugin.class);

	static final String INDEX = "ix_sl_act_ru_task_parent";

	private ProcessEngineConfigurationImpl configuration;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		String sql = "create index if not exists " + INDEX + " on " + configuration.getDatabaseTablePrefix()
				+ "act_ru_task (parent_task_id_)";
		try (Connection connection = configuration.getDataSource().getConnection()) {
			try {
				execute(connection, sql);
			}
			catch (SQLException raced) {
				// Two nodes starting at once on PostgreSQL: the other's index is now there, and the
				// second attempt sees it.
				execute(connection, sql);
			}
		}
		catch (SQLException ex) {
			// Only speed depends on it, so the node starts anyway (say, on a database whose schema
			// an administrator keeps and this user may not change) and says what to run.
			log.warn("Could not create the index on the parent task ({}): every task completion will read every"
					+ " open task. An administrator can run: {}", ex.getMessage(), sql);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

}
