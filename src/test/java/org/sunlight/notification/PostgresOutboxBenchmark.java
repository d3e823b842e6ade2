package org.sunlight.notification;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.notification.internal.Outbox;
import org.sunlight.notification.internal.OutboxWorker;
import org.sunlight.support.PostgresDatabase;

/**
 * Delivery figures of the outbox on PostgreSQL (docs/notifications.md): one thread commits events
 * one transaction each while two workers ("nodes") poll and deliver to a local DingTalk-style
 * receiver over HTTP, idling 1 s between polls as the scheduled worker does. Messages per second from the first commit to the last delivery, and the
 * delay from each row's commit to its delivery at p50 and p99. Not part of the test run: name it.
 */
@PostgresTest
@SpringBootTest(properties = { "sunlight.notification.batch=50" })
@DirtiesContext
class PostgresOutboxBenchmark {

	static final int EVENTS = Integer.getInteger("sunlight.bench.events", 2000);
	static final RobotReceiver ROBOTS = new RobotReceiver();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_outbox_bench");
		registry.add("sunlight.notification.robots[0].name", () -> "bench");
		registry.add("sunlight.notification.robots[0].kind", () -> "DINGTALK");
		registry.add("sunlight.notification.robots[0].webhook", () -> ROBOTS.url("/robot/send?access_token=bench"));
		registry.add("sunlight.notification.robots[0].secret", () -> "SECbench");
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void deliveryFigures() throws Exception {
		ClockUtil.reset();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> nodes = new ArrayList<>();
			for (String node : List.of("node-a", "node-b")) {
				nodes.add(threads.submit(() -> {
					while (writing.get() || pending() > 0) {
						// As the scheduled worker does: on while batches come back full, else wait poll-every (1 s).
						if (worker.poll(node) < 50) {
							Thread.sleep(1000);
						}
					}
					return null;
				}));
			}
			Future<?> writer = threads.submit(() -> {
				for (int i = 0; i < EVENTS; i++) {
					int n = i;
					transactions.executeWithoutResult(status -> outbox.write(EventKind.CALENDAR_RUNNING_OUT, "bench-" + n,
							List.of(), null, new Outbox.Text("基准 " + n, "第 " + n + " 条", null)));
				}
				writing.set(false);
			});
			writer.get();
			for (Future<?> node : nodes) {
				node.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<Duration> delays = jdbc.query(
				"select created_at, delivered_at from sl_notification where status = 'DELIVERED' order by delivered_at",
				(rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
		Instant first = jdbc.queryForObject("select min(created_at) from sl_notification", java.sql.Timestamp.class).toInstant();
		Instant last = jdbc.queryForObject("select max(delivered_at) from sl_notification", java.sql.Timestamp.class).toInstant();
		assertThat(delays).hasSize(EVENTS);
		assertThat(ROBOTS.received("/robot/send")).hasSize(EVENTS);
		List<Long> millis = delays.stream().map(Duration::toMillis).sorted().toList();
		double perSecond = EVENTS * 1000.0 / Math.max(1, Duration.between(first, last).toMillis());
		String table = "| messages | messages/s | commit→delivery p50 | p99 | max |\n|---|---|---|---|---|\n"
				+ "| %d | %.0f | %d ms | %d ms | %d ms |".formatted(EVENTS, perSecond, millis.get(millis.size() / 2),
						millis.get((int) Math.ceil(millis.size() * 0.99) - 1), millis.get(millis.size() - 1));
		System.out.println("Outbox delivery on PostgreSQL, two workers, HTTP robot receiver:\n" + table);
	}

	private int pending() {
		Integer count = jdbc.queryForObject("select count(*) from sl_notification where status = 'PENDING'", Integer.class);
		return count == null ? 0 : count;
	}

}
