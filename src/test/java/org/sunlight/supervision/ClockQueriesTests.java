package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * How often one engine command asks the database for the clocks (H2's QUERY_STATISTICS): a clock
 * begun in the command is never looked up (nothing else can have written it), and a clock is read
 * once per transaction however many of the compiled timers, the task's due dates and the
 * statistics ask for it (docs/benchmarks.md, session 6: they were seven queries per case).
 */
@SpringBootTest
class ClockQueriesTests {

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void statisticsOff() {
		jdbc.execute("SET QUERY_STATISTICS FALSE");
	}

	@Test
	void startingACaseAndItsFirstStepReadsNoClockAndCompletingAStepReadsItsClockOnce() {
		String definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		counting();
		String caseId = runtime.startProcessInstanceById(definitionId, "QUERIES-" + System.nanoTime()).getId();
		assertThat(clockReads()).as("the case's and the first step's clocks were written, not read").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from sl_step_clock where case_id = ?", Integer.class, caseId))
			.isEqualTo(1);

		counting();
		tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
		// the ended step's clock once (the statistics' step run); the next step's is new
		assertThat(clockReads()).containsExactly(Map.entry("sl_step_clock", 1L));
	}

	/** Clears and restarts H2's per-statement counts. */
	private void counting() {
		jdbc.execute("SET QUERY_STATISTICS FALSE");
		jdbc.execute("SET QUERY_STATISTICS TRUE");
	}

	/** Executions of the queries that read a clock table, by table. */
	private Map<String, Long> clockReads() {
		Map<String, Long> reads = new TreeMap<>();
		jdbc.query("select sql_statement, execution_count from information_schema.query_statistics", rs -> {
			String sql = rs.getString(1).toLowerCase();
			for (String table : new String[] { "sl_step_clock", "sl_case_clock" }) {
				if (sql.startsWith("select") && sql.contains("from " + table + " where")) {
					reads.merge(table, rs.getLong(2), Long::sum);
				}
			}
		});
		return reads;
	}

}
