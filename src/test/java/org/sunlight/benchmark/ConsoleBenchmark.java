package org.sunlight.benchmark;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.stats.Console;
import org.sunlight.supervision.Escalations;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.support.PostgresDatabase;

/**
 * The console's read side at the size of a province (issue 7): 100,000 open and 1,000,000
 * finished steps and 200,000 escalations on a fresh PostgreSQL database, loaded server-side with
 * generate_series. Measures p95 of the lamp board, an escalation list page and a department's
 * quarterly statistics, and Camunda's own task count for a comparable filter (red tasks of one
 * post: due before now) over 100,000 open Camunda tasks, as a ratio. Prints the table and writes
 * it to {@code <build dir>/benchmark-console.txt}; asserts only that the queries count what was
 * loaded. Not part of {@code mvn verify}.
 */
@PostgresTest
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class ConsoleBenchmark {

	static final int OPEN = Integer.getInteger("bench.open", 100_000);
	static final int FINISHED = Integer.getInteger("bench.finished", 1_000_000);
	static final int ESCALATIONS = Integer.getInteger("bench.escalations", 200_000);
	static final int DEPARTMENTS = 20;
	static final int REPEATS = Integer.getInteger("bench.repeats", 200);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_console_bench");
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Console console;

	@Autowired
	Escalations escalations;

	@Autowired
	TaskService tasks;

	@Test
	void consoleQueriesAtProvincialScale() throws IOException {
		long loadStart = System.nanoTime();
		load();
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

		Set<String> one = Set.of("dept-7");
		Instant quarterFrom = LocalDate.of(2026, 10, 1).atStartOfDay(Console.ZONE).toInstant();
		Instant quarterTo = LocalDate.of(2027, 1, 1).atStartOfDay(Console.ZONE).toInstant();
		Date now = new Date();

		// What each query must count, from the data as loaded.
		assertThat(console.board(null).stepTotals().total()).isEqualTo(OPEN);
		assertThat(tasks.createTaskQuery().taskCandidateGroup("post-7").count()).isEqualTo(OPEN / DEPARTMENTS);

		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Console benchmark on PostgreSQL: %,d open steps, %,d finished, %,d escalations, "
				+ "%d departments; %d repetitions after warm-up; loaded in %.0f s", OPEN, FINISHED, ESCALATIONS, DEPARTMENTS,
				REPEATS, loadSeconds));
		lines.add("| query | p50 ms | p95 ms | target p95 |");
		lines.add("|---|---|---|---|");
		double board = report(lines, "lamp board, one department (steps and cases, by department and power)",
				() -> console.board(one), "≤ 50 ms");
		report(lines, "lamp board, every department", () -> console.board(null), "");
		report(lines, "escalation list page (one department, 20 newest, with the total)",
				() -> escalations.list(new EscalationFilter(null, null, null, "dept-7", null, null, one, null), 0, 20),
				"≤ 100 ms");
		report(lines, "a department's quarterly statistics", () -> console.statistics(Console.GroupBy.DEPARTMENT, one,
				quarterFrom, quarterTo), "≤ 300 ms");
		double camunda = report(lines, "Camunda task count: one post's tasks due before now (TaskQuery.count)",
				() -> tasks.createTaskQuery().taskCandidateGroup("post-7").dueBefore(now).count(), "");
		lines.add(String.format(Locale.ROOT, "%nboard (one department) p95 / Camunda count p95 = %.2f", board / camunda));
		String table = String.join(System.lineSeparator(), lines);
		System.out.println(table);
		Path out = Path.of(System.getProperty("sunlight.build.dir", "target"), "benchmark-console.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, table + System.lineSeparator());
	}

	/** p95 in ms after a warm-up; the line goes into the table. */
	private double report(List<String> lines, String what, Supplier<?> query, String target) {
		for (int i = 0; i < 20; i++) {
			query.get();
		}
		long[] nanos = new long[REPEATS];
		for (int i = 0; i < REPEATS; i++) {
			long start = System.nanoTime();
			query.get();
			nanos[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(nanos);
		double p50 = nanos[REPEATS / 2] / 1e6;
		double p95 = nanos[(int) Math.ceil(REPEATS * 0.95) - 1] / 1e6;
		lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |", what, p50, p95, target));
		return p95;
	}

	private void load() {
		// Finished steps over two years, ending every ~1 min; 10 % late, 15 % yellow, 5 % red, 1 % a fault.
		jdbc.update("""
				insert into sl_step_run (task_id, execution_id, case_id, case_number, process_definition_id, power_code,
				  power_name, power_version, department, step_id, step_name, assignee, time_limit, started_at, ended_at,
				  outcome, deadline, working_seconds, overrun, yellow, red, finding)
				select 'f' || i, 'fe' || i, 'fc' || (i / 4), 'N-' || (i / 4), 'def-' || (i % 50), 'P-' || (i % 50), '事项' || (i % 50),
				  1, 'dept-' || (i % 20), 'step-' || (i % 4), '环节' || (i % 4), 'user-' || (i % 200), 'P2D',
				  timestamptz '2025-01-01 00:00+08' + (i * interval '62 seconds') - interval '1 day',
				  timestamptz '2025-01-01 00:00+08' + (i * interval '62 seconds'), 'COMPLETED',
				  timestamptz '2025-01-01 00:00+08' + (i * interval '62 seconds') + (case when i % 10 = 0 then interval '-1 hour' else interval '1 hour' end),
				  3600 * (1 + i % 20), i % 10 = 0, i % 7 = 0, i % 20 = 0, case when i % 100 = 0 then 'HANDLER_AT_FAULT' end
				from generate_series(1, ?) as i""", FINISHED);
		// Open steps with their clocks: a quarter red, a quarter yellow, half green; 1 % of cases paused.
		jdbc.update("""
				insert into sl_step_run (task_id, execution_id, case_id, case_number, process_definition_id, power_code,
				  power_name, power_version, department, step_id, step_name, assignee, time_limit, started_at, deadline,
				  overrun, yellow, red)
				select 'o' || i, 'oe' || i, 'oc' || i, 'M-' || i, 'def-' || (i % 50), 'P-' || (i % 50), '事项' || (i % 50), 1,
				  'dept-' || (i % 20), 'step-' || (i % 4), '环节' || (i % 4), null, 'P2D', now() - interval '1 day',
				  now() + ((i % 4) - 1) * interval '1 day', false, false, false
				from generate_series(1, ?) as i""", OPEN);
		jdbc.update("""
				insert into sl_step_clock (execution_id, case_id, step_id, time_limit, started_at, warn_at, deadline, covered)
				select 'oe' || i, 'oc' || i, 'step-' || (i % 4), 'P2D', now() - interval '1 day',
				  now() + ((i % 4) - 1) * interval '1 day' - interval '12 hours', now() + ((i % 4) - 1) * interval '1 day', true
				from generate_series(1, ?) as i""", OPEN);
		jdbc.update("""
				insert into sl_case_run (case_id, case_number, process_definition_id, power_code, power_name, department,
				  started_at, yellow, red)
				select 'oc' || i, 'M-' || i, 'def-' || (i % 50), 'P-' || (i % 50), '事项' || (i % 50), 'dept-' || (i % 20),
				  now() - interval '1 day', false, false
				from generate_series(1, ?) as i""", OPEN);
		jdbc.update("""
				insert into sl_case_clock (case_id, process_definition_id, power_code, calendar, time_limit, started_at, warn_at,
				  deadline, covered)
				select 'oc' || i, 'def-' || (i % 50), 'P-' || (i % 50), 'workday', 'P10D', now() - interval '1 day',
				  now() + interval '5 days', now() + interval '8 days', true
				from generate_series(1, ?) as i""", OPEN);
		jdbc.update("""
				insert into sl_clock_pause (id, case_id, open_case_id, category, reason, started_by, started_at)
				select 'pause-' || i, 'oc' || i, 'oc' || i, 'SUPPLEMENT', '补正', 'handler1', now() - interval '2 hours'
				from generate_series(1, ?, 100) as i""", OPEN);
		jdbc.update("""
				insert into sl_escalation (id, subject_key, level, scope, status, case_id, case_number, power_code, power_name,
				  department, task_id, step_id, step_name, responsible, supervisor, raised_at, deadline)
				select 'esc-' || i, 'f' || (i / 2), case when i % 2 = 0 then 'YELLOW' else 'RED' end, 'STEP',
				  case when i % 5 = 0 then 'OPEN' when i % 5 = 1 then 'ACKNOWLEDGED' else 'RESOLVED' end,
				  'fc' || (i / 8), 'N-' || (i / 8), 'P-' || (i % 50), '事项' || (i % 50), 'dept-' || (i % 20), 'f' || (i / 2),
				  'step-' || (i % 4), '环节', 'group:post-' || (i % 20), 'group:discipline-office',
				  timestamptz '2025-01-01 00:00+08' + (i * interval '5 minutes'), timestamptz '2025-01-01 00:00+08' + (i * interval '5 minutes')
				from generate_series(1, ?) as i""", ESCALATIONS);
		// The same open steps as Camunda tasks with their candidate post, for Camunda's own count.
		jdbc.update("""
				insert into act_ru_task (id_, rev_, name_, task_def_key_, priority_, create_time_, due_date_, suspension_state_)
				select 'o' || i, 1, '环节' || (i % 4), 'step-' || (i % 4), 50, now() - interval '1 day',
				  now() + ((i % 4) - 1) * interval '1 day', 1
				from generate_series(1, ?) as i""", OPEN);
		jdbc.update("""
				insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
				select 'l' || i, 1, 'post-' || (i % 20), 'candidate', 'o' || i
				from generate_series(1, ?) as i""", OPEN);
		jdbc.execute("analyze");
	}

}
