package org.sunlight.modeling.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

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
 * engine has built them (or found them). A later start finds it in the catalog and leaves the
 * table alone. Should creating it fail, the node still starts, with a warning that gives the
 * statement.
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
			// Asked of the catalog first: even when the index is there, create index waits for (and
			// holds up) every transaction writing tasks on other nodes (PostgresTaskParentIndexTests).
			if (indexed(connection)) {
				return;
			}
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

	private boolean indexed(Connection connection) throws SQLException {
		DatabaseMetaData catalog = connection.getMetaData();
		// The prefix may name a schema ("camunda."); the catalog keeps unquoted names in one case.
		String prefix = configuration.getDatabaseTablePrefix();
		int dot = prefix.lastIndexOf('.');
		String schema = dot < 0 ? null : inCatalogCase(catalog, prefix.substring(0, dot));
		String table = inCatalogCase(catalog, prefix.substring(dot + 1) + "act_ru_task");
		try (ResultSet indexes = catalog.getIndexInfo(null, schema, table, false, true)) {
			while (indexes.next()) {
				if (INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String inCatalogCase(DatabaseMetaData catalog, String name) throws SQLException {
		return catalog.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
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
