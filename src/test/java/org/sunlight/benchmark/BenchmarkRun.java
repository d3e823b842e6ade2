package org.sunlight.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * Sunlight against plain Camunda on the same engine and database, in one run (issue 3,
 * "Benchmark"; results in docs/benchmarks.md):
 * <ul>
 * <li>(a) cases/s through a small supervised power (start, complete both steps) against the same
 * diagram drawn by hand with fixed-duration timers, 1 and 4 client threads;</li>
 * <li>(b) escalations/s when N timers are due at once (cases started 30 days ago on the engine
 * clock, then the clock is set back to now) against plain timers whose end events insert one
 * row;</li>
 * <li>(c) due→visible latency of single timers on an otherwise idle node (the engine clock is made
 * to run so that the case's first timer falls due 0.5–2.5 s in the future).</li>
 * </ul>
 * Real job executor; repetitions alternate the order of Sunlight and plain. Asserts correctness
 * (exactly one row per due timer, no failed jobs), never speed. Sizes: -Dbench.cases (1000),
 * -Dbench.timers (5000), -Dbench.reps (3), -Dbench.brounds ((b) rounds per repetition, 2),
 * -Dbench.latency (15 per side and repetition), -Dbench.warmup (cases per side for (a), -Dbench.cases),
 * -Dbench.warmup.timers (the (b) warm-up rounds' size, -Dbench.timers), -Dbench.parts.a (4: the parts
 * (a) runs its cases in, alternating the sides).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@Import(BenchmarkConfiguration.class)
@DirtiesContext
abstract class BenchmarkRun {

	static final int CASES = Integer.getInteger("bench.cases", 1000);
	static final int TIMERS = Integer.getInteger("bench.timers", 5000);
	static final int REPS = Integer.getInteger("bench.reps", 3);
	static final int ESCALATION_ROUNDS = Integer.getInteger("bench.brounds", 2);
	static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency", 15);
	static final int WARMUP = Integer.getInteger("bench.warmup", CASES);
	static final int WARMUP_TIMERS = Integer.getInteger("bench.warmup.timers", TIMERS);
	/** (a) runs its cases in this many parts, alternating the sides. */
	static final int CASE_PARTS = Integer.getInteger("bench.parts.a", 4);
	/** Which parts to run: any of a, b, c (a quicker look at one figure). */
	static final String PARTS = System.getProperty("bench.parts", "abc");
	static final int TIMERS_PER_CASE = 4;
	static final int THREADS = 4;

	enum Side {
		SUNLIGHT, PLAIN
	}

	record Subject(Side side, String definitionId, String table) {
	}

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobExecutor jobExecutor;

	private final Random random = new Random(42);

	private final Map<String, Map<Side, List<Double>>> throughput = new LinkedHashMap<>();

	private final Map<Side, List<Long>> latencies = new EnumMap<>(Side.class);

	private final StringBuilder profile = new StringBuilder();

	/** Per timed round: the machine's CPU, the JVM's threads and GC, the statements (H2 QUERY_STATISTICS, or pg_stat_statements if loaded); on PostgreSQL the WAL written. */
	private final StringBuilder rounds = new StringBuilder();

	/**
	 * VACUUM ANALYZE before timing each (b) round on PostgreSQL: this machine's server runs with
	 * autovacuum off, so without it the engine's job table keeps every dead row of every earlier
	 * round and both sides' job acquisition slows from round to round (-Dbench.vacuum=false to
	 * see that).
	 */
	static final boolean VACUUM = Boolean.parseBoolean(System.getProperty("bench.vacuum", "true"));

	/** Per-statement figures on H2 (its QUERY_STATISTICS; -Dbench.h2.statistics=false to run without). */
	static final boolean H2_STATISTICS = Boolean.parseBoolean(System.getProperty("bench.h2.statistics", "true"));

	/** Whether per-statement figures are kept: pg_stat_statements is loaded, or H2's statistics are on. */
	private boolean statements;

	abstract String database();

	boolean postgres() {
		return false;
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void sunlightAgainstPlainCamunda() throws Exception {
		PlainTimerRows.createTable(jdbc);
		Subject sunlight = new Subject(Side.SUNLIGHT,
				deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "benchmark").processDefinitionId(),
				"sl_escalation");
		String plainDeployment = repository.createDeployment()
			.name("benchmark-plain")
			.addClasspathResource("models/benchmark/plain-seal-engraving.bpmn")
			.deploy()
			.getId();
		Subject plain = new Subject(Side.PLAIN,
				repository.createProcessDefinitionQuery().deploymentId(plainDeployment).singleResult().getId(),
				PlainTimerRows.TABLE);
		log("%s: cases=%d timers=%d reps=%d latency samples=%d/side/rep warm-up=%d, %d cores, JDK %s, JVM %s%n",
				database(), CASES, TIMERS, REPS, LATENCY_SAMPLES, WARMUP, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());

		if (postgres()) {
			try {
				jdbc.execute("create extension if not exists pg_stat_statements");
				jdbc.queryForObject("select count(*) from pg_stat_statements", Long.class);
				statements = true;
			}
			catch (org.springframework.dao.DataAccessException ex) {
				log("pg_stat_statements not loaded on the server: no per-statement figures%n");
			}
		}
		else if (H2_STATISTICS) {
			// On for the whole run and diffed per round, like pg_stat_statements, so that rounds can be
			// compared statement by statement (how the subtask scan of every completion was found).
			jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
			jdbc.execute("SET QUERY_STATISTICS TRUE");
			statements = true;
		}
		// Warm-up (JIT, caches, connection pool) in full-size rounds, twice per side for (b): with
		// fewer timers the JIT was still compiling Sunlight's path (and Camunda's) through the first
		// timed rounds, which ran slower round after round. (a) warms up after (b), whose paths
		// share much of its code: the first timed (a) round, when it came after a small (a) warm-up
		// and the (b) one, spent twice the JVM CPU per case of the later ones.
		List<Subject> warmUp = List.of(sunlight, plain, plain, sunlight);
		for (int i = 0; PARTS.contains("b") && i < warmUp.size(); i++) {
			// the second round of each side also prints its table profile
			escalationsPerSecond(warmUp.get(i), WARMUP_TIMERS / TIMERS_PER_CASE, "WB", i >= 2);
		}
		for (Subject subject : warmUp) {
			casesPerSecond(subject, WARMUP / 2, 1, "W", null);
			casesPerSecond(subject, WARMUP / 4, THREADS, "W4", null);
		}
		for (Subject subject : List.of(sunlight, plain)) {
			for (int i = 0; i < 3; i++) {
				latencyMillis(subject, "WC-" + i);
			}
		}
		latencies.clear();

		for (int rep = 1; rep <= REPS; rep++) {
			List<Subject> order = rep % 2 == 1 ? List.of(sunlight, plain) : List.of(plain, sunlight);
			for (int threads : PARTS.contains("a") ? List.of(1, THREADS) : List.<Integer>of()) {
				// In parts, the sides alternating (S P P S S P …): the machine's speed drifts by up to a
				// third within a minute, and a side's whole round used to meet a different machine
				// from the other's.
				String tag = "A" + threads + "-" + rep;
				Map<Side, Tally> tallies = new EnumMap<>(Side.class);
				for (int part = 0; part < CASE_PARTS; part++) {
					for (Subject subject : part % 2 == 0 ? order : List.of(order.get(1), order.get(0))) {
						casesPerSecond(subject, CASES / CASE_PARTS, threads, tag + "." + part,
								tallies.computeIfAbsent(subject.side(), side -> new Tally()));
					}
				}
				for (Subject subject : order) {
					Tally tally = tallies.get(subject.side());
					record("(a) cases/s, " + threads + (threads == 1 ? " thread" : " threads"), subject.side(),
							tally.perSecond());
					report(subject, tag, tally, "case");
				}
			}
			// Untimed, half-size, each side: after the (a) rounds the JIT recompiled the timer path,
			// and the first timed (b) round of a repetition (always the same side's, in a run of
			// odd repetitions) cost up to 1.4 times the CPU per timer of the later ones in a (b)-only run.
			for (Subject subject : PARTS.contains("b") ? order : List.<Subject>of()) {
				escalationsPerSecond(subject, TIMERS / TIMERS_PER_CASE / 2, "WB-" + rep, false);
			}
			for (int b = 0; PARTS.contains("b") && b < ESCALATION_ROUNDS; b++) {
				for (Subject subject : b % 2 == 0 ? order : List.of(order.get(1), order.get(0))) {
					record("(b) escalations/s, " + TIMERS + " due timers", subject.side(),
							escalationsPerSecond(subject, TIMERS / TIMERS_PER_CASE, "B-" + rep + "-" + b, false));
				}
			}
			for (int i = 0; PARTS.contains("c") && i < LATENCY_SAMPLES; i++) {
				List<Subject> sampleOrder = i % 2 == 0 ? order : List.of(order.get(1), order.get(0));
				for (Subject subject : sampleOrder) {
					latencies.computeIfAbsent(subject.side(), s -> new ArrayList<>())
						.add(latencyMillis(subject, "C-" + rep + "-" + i));
				}
			}
			log("%s: repetition %d of %d done%n", database(), rep, REPS);
		}
		report();
	}

	/**
	 * Starts each case and completes its two steps; no timer is due, none fires. Adds what it cost
	 * to {@code tally} when there is one (a timed part).
	 */
	void casesPerSecond(Subject subject, int cases, int threads, String tag, Tally tally) throws Exception {
		long endedBefore = finished(subject);
		int rowsBefore = rows(subject);
		// As before (b) rounds: the dead rows of earlier rounds' tasks, executions and jobs would
		// otherwise be in the indexes the round that runs second in a pair reads.
		if (postgres() && VACUUM) {
			jdbc.execute("vacuum analyze");
		}
		Counters before = tally == null ? null : new Counters();
		long start = System.nanoTime();
		inParallel(cases, threads, tag + " " + subject.side(), i -> runCase(subject, tag + "-" + i));
		long end = System.nanoTime();
		if (tally != null) {
			tally.add(before, new Counters(), cases, start, end);
		}
		assertThat(finished(subject) - endedBefore).as("cases that ended").isEqualTo(cases);
		assertThat(rows(subject)).as("no timer fired").isEqualTo(rowsBefore);
	}

	/** CPU nanoseconds of the client threads of {@link #inParallel} that have ended. */
	private static final AtomicLong CLIENT_CPU = new AtomicLong();

	private static final String CLIENT_THREAD = "bench-client";

	/** Runs {@code work} for 0 … n - 1 on that many client threads, each taking the next number. */
	private static void inParallel(int n, int threads, String name, IntConsumer work) throws Exception {
		// named for a profiler (jdk.ExecutionSample's thread), e.g. "bench-client A1-2.3 SUNLIGHT"
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, CLIENT_THREAD + " " + name));
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> clients = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			clients.add(pool.submit(() -> {
				try {
					int i;
					while ((i = next.getAndIncrement()) < n) {
						work.accept(i);
					}
				}
				finally {
					// its CPU, before the thread (and with it its counter) is gone
					CLIENT_CPU.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
				}
				return null;
			}));
		}
		try {
			for (Future<?> client : clients) {
				client.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private void runCase(Subject subject, String businessKey) {
		String caseId = runtime.startProcessInstanceById(subject.definitionId(), businessKey).getId();
		for (int step = 0; step < 2; step++) {
			Task task = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
			tasks.complete(task.getId());
		}
	}

	/**
	 * Starts the cases 30 days ago on the engine clock (the job executor, on the same clock, finds
	 * nothing due), sets the clock back to now, and times until every timer has written its row.
	 */
	double escalationsPerSecond(Subject subject, int cases, String tag, boolean profiled) throws Exception {
		int expected = cases * TIMERS_PER_CASE;
		boolean timed = !tag.startsWith("W");
		int rowsBefore = rows(subject);
		assertThat(timers(subject)).isZero();
		Map<String, long[]> statsBefore;
		Counters before = null;
		// The previous round's dead job rows are vacuumed before this round's jobs are inserted, so
		// that they reuse the space: otherwise the round that runs second in a pair finds
		// act_ru_job larger, and every acquisition scans more of it (docs/benchmarks.md).
		if (postgres() && VACUUM) {
			jdbc.execute("vacuum");
		}
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
		try {
			// Not timed; on four client threads, to keep the benchmark's wall time down.
			inParallel(cases, THREADS, tag + " " + subject.side(),
					i -> runtime.startProcessInstanceById(subject.definitionId(), tag + "-" + i));
			assertThat(timers(subject)).isEqualTo(expected);
			// Each round starts settled: the dead rows of earlier rounds vacuumed and the garbage of
			// starting the cases collected, so that neither is paid for in the timed part (Sunlight's
			// cases, with their clocks, leave more of both).
			if (postgres() && VACUUM) {
				jdbc.execute("vacuum analyze");
			}
			System.gc();
			// Still in the past: nothing is due while the counters settle.
			statsBefore = profiled && postgres() ? tableStats() : null;
			before = timed ? new Counters() : null;
		}
		finally {
			ClockUtil.reset();
		}
		long start = System.nanoTime();
		// Woken now: idle, the executor looks for due jobs only every max wait (1 s), so the rounds
		// of 2–4 s on H2 had begun with a random 0–1 s of nothing, on either side. How soon an idle
		// node notices a due timer is (c)'s figure; (b) is how fast it then works them off.
		jobExecutor.jobWasAdded();
		long giveUp = start + Duration.ofMinutes(15).toNanos();
		int polls = 0;
		long first = 0;
		long left;
		// Polls the timers still due (a job goes in the transaction that writes its row), the same
		// query for both sides: counting the rows themselves scanned Sunlight's wider table and cost
		// it more CPU than plain's narrow one, on a machine whose two cores the round keeps busy.
		while ((left = timers(subject)) > 0) {
			polls++;
			if (first == 0 && left < expected) {
				first = System.nanoTime();
			}
			assertThat(System.nanoTime()).as("all timers fired within 15 minutes").isLessThan(giveUp);
			// Finer near the end; each poll scans the job table, which costs the slower side more polls.
			Thread.sleep(first == 0 ? 25 : Math.max(20, Math.min(500, left / 4)));
		}
		long end = System.nanoTime();
		double seconds = (end - start) / 1e9;
		if (timed) {
			Tally tally = new Tally();
			tally.add(before, new Counters(), expected, start, end);
			report(subject, tag, tally, "timer");
		}
		polls++;
		if (timed) {
			// The same from the first row on: close to (b) now that the executor is woken at the
			// start (it was up to 1 s apart before), so a gap here would say the wake-up failed.
			record("(b') escalations/s, first to last timer", subject.side(),
					first == 0 ? Double.NaN : (expected - 1) / ((end - first) / 1e9));
		}
		// A doubled row, were there one, would show by now.
		Thread.sleep(500);
		assertThat(rows(subject) - rowsBefore).as("one row per due timer").isEqualTo(expected);
		assertThat(management.createJobQuery().withException().count()).as("failed jobs").isZero();
		if (profiled && postgres()) {
			profile(subject, expected, polls, statsBefore);
		}
		return expected / seconds;
	}

	/**
	 * One case whose first timer falls due 0.5–2.5 s from now (the engine clock runs with an
	 * offset), on a node with nothing else to do; due → its row is committed and readable (what
	 * GET /api/escalations reads), polled every 5 ms.
	 */
	long latencyMillis(Subject subject, String businessKey) throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
		String caseId;
		Date due;
		try {
			caseId = runtime.startProcessInstanceById(subject.definitionId(), businessKey).getId();
			List<Job> timers = management.createJobQuery()
				.processInstanceId(caseId)
				.timers()
				.orderByJobDuedate()
				.asc()
				.list();
			due = timers.get(0).getDuedate();
			assertThat(timers.get(1).getDuedate().getTime() - due.getTime()).as("only the first timer falls due")
				.isGreaterThan(Duration.ofMinutes(10).toMillis());
		}
		catch (RuntimeException | AssertionError ex) {
			ClockUtil.reset();
			throw ex;
		}
		long dueWall = System.currentTimeMillis() + 500 + random.nextInt(2000);
		ClockUtil.offset(due.getTime() - dueWall);
		long visible;
		try {
			while (true) {
				Integer found = jdbc.queryForObject("select count(*) from " + subject.table() + " where case_id = ?",
						Integer.class, caseId);
				if (found != null && found > 0) {
					visible = System.currentTimeMillis();
					break;
				}
				assertThat(System.currentTimeMillis()).as("escalation visible within 60 s of due")
					.isLessThan(dueWall + 60_000);
				Thread.sleep(5);
			}
		}
		finally {
			// Back in the past, so the case's later timers are not due while it is removed.
			ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
		}
		try {
			for (int attempt = 1;; attempt++) {
				try {
					runtime.deleteProcessInstance(caseId, "benchmark sample done");
					break;
				}
				catch (OptimisticLockingException ex) {
					// the executor had locked a job of the case an instant before the clock went back
					if (attempt == 5) {
						throw ex;
					}
					Thread.sleep(200);
				}
			}
		}
		finally {
			ClockUtil.reset();
		}
		assertThat(visible).as("not raised before due").isGreaterThanOrEqualTo(dueWall);
		return visible - dueWall;
	}

	private long finished(Subject subject) {
		return history.createHistoricProcessInstanceQuery().processDefinitionId(subject.definitionId()).finished().count();
	}

	private int rows(Subject subject) {
		return jdbc.queryForObject("select count(*) from " + subject.table(), Integer.class);
	}

	private long timers(Subject subject) {
		return management.createJobQuery().processDefinitionId(subject.definitionId()).timers().count();
	}

	private void record(String metric, Side side, double value) {
		throughput.computeIfAbsent(metric, m -> new EnumMap<>(Side.class))
			.computeIfAbsent(side, s -> new ArrayList<>())
			.add(value);
		log("%s %-40s %-8s %8.1f%n", database(), metric, side, value);
	}

	/** PostgreSQL's per-table counters (flushed by idle backends within about 10 s). */
	private Map<String, long[]> tableStats() throws InterruptedException {
		Thread.sleep(12_000);
		Map<String, long[]> stats = new LinkedHashMap<>();
		jdbc.query("select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del"
				+ " from pg_stat_user_tables", rs -> {
					stats.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6) });
				});
		return stats;
	}

	private void profile(Subject subject, int timers, int polls, Map<String, long[]> before) throws InterruptedException {
		Map<String, long[]> after = tableStats();
		profile.append(String.format(Locale.ROOT, "%n%s, %d due timers: per timer (table: scans, inserts, updates, deletes;"
				+ " the benchmark's own %d polls of the due timers, its check for failed jobs and its count of %s"
				+ " subtracted)%n", subject.side(), timers, polls, subject.table()));
		double scans = 0;
		double writes = 0;
		for (Map.Entry<String, long[]> entry : after.entrySet()) {
			long[] b = before.getOrDefault(entry.getKey(), new long[5]);
			long[] a = entry.getValue();
			long own = entry.getKey().equalsIgnoreCase(subject.table()) ? 1
					: entry.getKey().equalsIgnoreCase("act_ru_job") ? polls + 1 : 0;
			long s = a[0] + a[1] - b[0] - b[1] - own;
			long ins = a[2] - b[2];
			long upd = a[3] - b[3];
			long del = a[4] - b[4];
			if (s + ins + upd + del > timers / 10) {
				profile.append(String.format(Locale.ROOT, "  %-28s %6.2f %6.2f %6.2f %6.2f%n", entry.getKey(),
						(double) s / timers, (double) ins / timers, (double) upd / timers, (double) del / timers));
			}
			scans += s;
			writes += ins + upd + del;
		}
		profile.append(String.format(Locale.ROOT, "  %-28s %6.2f %6.2f (all writes)%n", "total", scans / timers,
				writes / timers));
	}

	/** One pg_stat_statements entry's counters (all since the server started), or one of H2's QUERY_STATISTICS. */
	private record Statement(String query, long calls, double millis, double planMillis, long plans, long blocks,
			long rows) {

		Statement minus(Statement before) {
			return before == null ? this
					: new Statement(query, calls - before.calls, millis - before.millis, planMillis - before.planMillis,
							plans - before.plans, blocks - before.blocks, rows - before.rows);
		}

		Statement plus(Statement other) {
			return new Statement(query, calls + other.calls, millis + other.millis, planMillis + other.planMillis,
					plans + other.plans, blocks + other.blocks, rows + other.rows);
		}

	}

	/** What this machine, this JVM and PostgreSQL had done up to one moment. */
	private final class Counters {

		private final long[] cpu = cpu();
		private final long jvm = jvmCpuNanos();
		private final Map<String, Long> threads = threadCpuNanos();
		private final long[] wal = wal();
		private final long[] xacts = xacts();
		private final long[] gc = gc();
		private final long clients = CLIENT_CPU.get();
		private final long jit = jitMillis();
		private final Map<String, Statement> statements = statements();

	}

	/**
	 * What the timed parts of one round (of one side) cost, summed, for finding where the time goes:
	 * the machine's CPU, this JVM's by thread, its garbage collections and JIT; on PostgreSQL the
	 * WAL, the transactions and, if loaded, pg_stat_statements.
	 */
	private static final class Tally {

		private int count;
		private long nanos;
		private final List<String> intervals = new ArrayList<>();
		private final long[] cpu = new long[3];
		private long jvm;
		private final Map<String, Long> threads = new TreeMap<>();
		private final long[] wal = new long[3];
		private final long[] xacts = new long[2];
		private final long[] gc = new long[2];
		private long clients;
		private long jit;
		private final Map<String, Statement> statements = new LinkedHashMap<>();

		void add(Counters before, Counters after, int count, long start, long end) {
			this.count += count;
			nanos += end - start;
			// System.nanoTime is CLOCK_MONOTONIC here: `perf record -k CLOCK_MONOTONIC` samples can be cut
			// to it; JFR's events carry the wall clock, so the interval is given by that too.
			long wallNow = System.currentTimeMillis();
			long nanoNow = System.nanoTime();
			intervals.add(String.format(Locale.ROOT, "%.6f–%.6f (%s–%s)", start / 1e9, end / 1e9,
					Instant.ofEpochMilli(wallNow - (nanoNow - start) / 1_000_000),
					Instant.ofEpochMilli(wallNow - (nanoNow - end) / 1_000_000)));
			addDeltas(cpu, before.cpu, after.cpu);
			addDeltas(wal, before.wal, after.wal);
			addDeltas(xacts, before.xacts, after.xacts);
			addDeltas(gc, before.gc, after.gc);
			jvm += after.jvm - before.jvm;
			clients += after.clients - before.clients;
			jit += after.jit - before.jit;
			after.threads.forEach((name, n) -> threads.merge(name, n - before.threads.getOrDefault(name, 0L), Long::sum));
			after.statements.forEach((id, st) -> statements.merge(id, st.minus(before.statements.get(id)), Statement::plus));
		}

		double perSecond() {
			return count / (nanos / 1e9);
		}

		private static void addDeltas(long[] sum, long[] before, long[] after) {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += after[i] - before[i];
			}
		}

	}

	private void report(Subject subject, String tag, Tally t, String unit) {
		int count = t.count;
		double jvmMillis = t.jvm / 1e6;
		double total = t.cpu[0];
		// /proc/stat counts jiffies of 10 ms over all cores
		double busyMillis = t.cpu[1] * 10.0;
		rounds.append(String.format(Locale.ROOT,
				"%n%s %-8s %7.1f/s  CPU busy %3.0f %%, iowait %3.0f %% (of all cores); per %s: CPU %.2f ms"
						+ " (this JVM %.2f, the rest %.2f)",
				tag, subject.side(), t.perSecond(), 100 * t.cpu[1] / total, 100 * t.cpu[2] / total, unit,
				busyMillis / count, jvmMillis / count, (busyMillis - jvmMillis) / count));
		if (postgres()) {
			rounds.append(String.format(Locale.ROOT, ", WAL %5.0f B in %4.1f records, %4.2f full pages",
					(double) t.wal[2] / count, (double) t.wal[0] / count, (double) t.wal[1] / count));
		}
		rounds.append(String.format(Locale.ROOT, "; GC %d collections, %d ms%n", t.gc[0], t.gc[1]));
		rounds.append(String.format(Locale.ROOT, "   timed (CLOCK_MONOTONIC, s; UTC): %s%n", String.join(", ", t.intervals)));
		StringBuilder byThread = new StringBuilder("   JVM CPU per " + unit + ", ms:");
		double inThreads = 0;
		for (Map.Entry<String, Long> thread : t.threads.entrySet()) {
			double millis = thread.getValue() / 1e6;
			inThreads += millis;
			if (millis / count >= 0.01) {
				byThread.append(String.format(Locale.ROOT, " %s %.2f,", thread.getKey(), millis / count));
			}
		}
		double clientMillis = t.clients / 1e6;
		rounds.append(byThread).append(String.format(Locale.ROOT,
				" client threads %.2f, the rest (GC, JIT) %.2f; JIT compiling %d ms in all%n", clientMillis / count,
				(jvmMillis - inThreads - clientMillis) / count, t.jit));
		if (postgres()) {
			rounds.append(String.format(Locale.ROOT, "   transactions per " + unit + " (pg_stat_database, flushed within"
					+ " a second or so): %.2f committed, %.2f rolled back%n", (double) t.xacts[0] / count,
					(double) t.xacts[1] / count));
		}
		if (!t.statements.isEmpty()) {
			List<Statement> byTime = new ArrayList<>(t.statements.values());
			byTime.removeIf(st -> st.calls() == 0);
			byTime.sort((a, b) -> Double.compare(b.millis(), a.millis()));
			double calls = 0;
			double millis = 0;
			for (int i = 0; i < byTime.size(); i++) {
				Statement st = byTime.get(i);
				calls += st.calls();
				millis += st.millis();
				if (i < 30) {
					String sql = st.query().replaceAll("\\s+", " ");
					String shortSql = sql.length() > 150 ? sql.substring(0, 150) + "…" : sql;
					if (postgres()) {
						rounds.append(String.format(Locale.ROOT,
								"   %6.2f x %8.1f ms (planned %3.0f %% of the calls, %6.1f ms) %7.1f blocks %6.1f rows  %s%n",
								(double) st.calls() / count, st.millis(), 100.0 * st.plans() / st.calls(), st.planMillis(),
								(double) st.blocks() / st.calls(), (double) st.rows() / st.calls(), shortSql));
					}
					else {
						// H2 times statements by the wall clock, waits for locks included
						rounds.append(String.format(Locale.ROOT, "   %6.2f x %8.1f ms (%6.3f ms each) %6.1f rows  %s%n",
								(double) st.calls() / count, st.millis(), st.millis() / st.calls(),
								(double) st.rows() / st.calls(), shortSql));
					}
				}
			}
			rounds.append(String.format(Locale.ROOT, "   %6.2f statements per " + unit
					+ ", %.0f ms planning and executing in all (the benchmark's own included)%n", calls / count, millis));
		}
	}

	/**
	 * pg_stat_statements of this database by query id, when the server has it loaded; on H2 its
	 * QUERY_STATISTICS by statement text (no plans, blocks or rows).
	 */
	private Map<String, Statement> statements() {
		Map<String, Statement> all = new LinkedHashMap<>();
		if (statements && !postgres()) {
			jdbc.query("select sql_statement, execution_count, cumulative_execution_time, cumulative_row_count"
					+ " from information_schema.query_statistics", rs -> {
						all.put(rs.getString(1), new Statement(rs.getString(1), rs.getLong(2), rs.getDouble(3), 0, 0, 0,
								rs.getLong(4)));
					});
		}
		else if (statements) {
			jdbc.query("select queryid, query, calls, total_exec_time + total_plan_time, total_plan_time, plans,"
					+ " shared_blks_hit + shared_blks_read, rows from pg_stat_statements"
					+ " where dbid = (select oid from pg_database where datname = current_database())", rs -> {
						all.merge(String.valueOf(rs.getLong(1)), new Statement(rs.getString(2), rs.getLong(3), rs.getDouble(4),
								rs.getDouble(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), Statement::plus);
					});
		}
		return all;
	}

	/** Jiffies since boot over all cores: total, busy, waiting on I/O (/proc/stat). */
	private static long[] cpu() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]);
			long iowait = Long.parseLong(f[5]);
			return new long[] { total, total - idle - iowait, iowait };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 1, 0, 0 };
		}
	}

	/** CPU time of the live Java threads, summed by name without its number. */
	private static Map<String, Long> threadCpuNanos() {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		Map<String, Long> byName = new TreeMap<>();
		for (long id : mx.getAllThreadIds()) {
			ThreadInfo info = mx.getThreadInfo(id);
			long nanos = mx.getThreadCpuTime(id);
			// client threads count in CLIENT_CPU when they finish (they may not have ended yet)
			if (info != null && nanos > 0 && !info.getThreadName().startsWith(CLIENT_THREAD)) {
				byName.merge(info.getThreadName().replaceAll("[-\\d]+$", ""), nanos, Long::sum);
			}
		}
		return byName;
	}

	private static long jvmCpuNanos() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
	}

	private static long jitMillis() {
		var compilation = ManagementFactory.getCompilationMXBean();
		return compilation != null && compilation.isCompilationTimeMonitoringSupported()
				? compilation.getTotalCompilationTime() : 0;
	}

	/** Collections and their milliseconds since the JVM started, over all collectors. */
	private static long[] gc() {
		long[] gc = new long[2];
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			gc[0] += Math.max(0, collector.getCollectionCount());
			gc[1] += Math.max(0, collector.getCollectionTime());
		}
		return gc;
	}

	private long[] xacts() {
		if (!postgres()) {
			return new long[2];
		}
		return jdbc.queryForObject(
				"select xact_commit, xact_rollback from pg_stat_database where datname = current_database()",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
	}

	private long[] wal() {
		if (!postgres()) {
			return new long[3];
		}
		return jdbc.queryForObject("select wal_records, wal_fpi, wal_bytes from pg_stat_wal",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
	}

	private void report() throws IOException {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n=== Sunlight vs plain Camunda on %s: %d repetitions ===%n", database(), REPS));
		out.append(heapWarning());
		out.append(String.format(Locale.ROOT, "%-40s | %-26s | %-26s | %-24s%n", "figure", "Sunlight median (min–max)",
				"plain median (min–max)", "ratio median (min–max)"));
		for (Map.Entry<String, Map<Side, List<Double>>> metric : throughput.entrySet()) {
			List<Double> s = metric.getValue().get(Side.SUNLIGHT);
			List<Double> p = metric.getValue().get(Side.PLAIN);
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < s.size(); i++) {
				ratios.add(s.get(i) / p.get(i));
			}
			out.append(String.format(Locale.ROOT, "%-40s | %-26s | %-26s | %-24s%n", metric.getKey(), spread(s, "%.1f"),
					spread(p, "%.1f"), spread(ratios, "%.2f")));
			out.append(String.format(Locale.ROOT, "%-40s   per repetition: Sunlight %s, plain %s, ratio %s%n", "",
					list(s, "%.1f"), list(p, "%.1f"), list(ratios, "%.2f")));
		}
		out.append(String.format(Locale.ROOT, "%n(c) due → visible, ms, single timers on an idle node%n"));
		out.append(String.format(Locale.ROOT, "%-10s %6s %6s %6s %6s %6s%n", "", "n", "p50", "p90", "p99", "max"));
		for (Side side : Side.values()) {
			List<Long> sorted = new ArrayList<>(latencies.getOrDefault(side, List.of()));
			Collections.sort(sorted);
			if (sorted.isEmpty()) {
				continue;
			}
			out.append(String.format(Locale.ROOT, "%-10s %6d %6d %6d %6d %6d%n", side, sorted.size(),
					percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
					sorted.get(sorted.size() - 1)));
		}
		if (rounds.length() > 0) {
			out.append(String.format(Locale.ROOT, "%nTimed rounds on %s:", database())).append(rounds);
		}
		if (profile.length() > 0) {
			out.append(String.format(Locale.ROOT, "%nDatabase work during the warm-up escalation phase (" + database() + "):"))
				.append(profile);
		}
		System.out.println(out);
		Path file = Path.of(BenchmarkRun.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.getParent()
			.resolve("benchmark-" + database().toLowerCase(Locale.ROOT) + ".txt");
		Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		System.out.println("written to " + file);
	}

	/**
	 * With the default heap, one H2 round in three cost up to twice the CPU per timer, on either
	 * side and in every statement alike; with {@code -Xms} equal to {@code -Xmx} and
	 * {@code -XX:+AlwaysPreTouch} (the command in docs/benchmarks.md) such rounds were not seen
	 * again. Most likely G1 gave memory back after the {@code System.gc()} before each round and
	 * the next round faulted it in again.
	 */
	private static String heapWarning() {
		var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
		boolean fixed = heap.getInit() == heap.getMax() && args.contains("-XX:+AlwaysPreTouch");
		return fixed ? ""
				: String.format(Locale.ROOT, "WARNING: the heap is not fixed and pre-touched (JVM %s): rounds vary more;"
						+ " run with -DargLine=\"-Xms4g -Xmx4g -XX:+AlwaysPreTouch\" (docs/benchmarks.md)%n", args);
	}

	private static long percentile(List<Long> sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static String spread(List<Double> values, String format) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
				: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, sorted.get(0),
				sorted.get(sorted.size() - 1));
	}

	private static String list(List<Double> values, String format) {
		List<String> parts = new ArrayList<>();
		for (double value : values) {
			parts.add(String.format(Locale.ROOT, format, value));
		}
		return String.join(" ", parts);
	}

	private void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench] " + format, args);
	}

}
