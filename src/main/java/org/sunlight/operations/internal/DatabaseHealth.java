package org.sunlight.operations.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code database} health, answered within {@code sunlight.operations.database-timeout}. The
 * check runs on a thread of its own: when the database is away, taking a pooled connection waits
 * for the pool's connection timeout (30 s), and a health endpoint that waits that long is one a
 * load balancer gives up on. At most one check is in flight: while it hangs, requests wait on
 * that same check, each at most the timeout, instead of queueing more.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	private final JdbcTemplate jdbc;
	private final long timeoutMillis;
	private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "database-health");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

	DatabaseHealth(JdbcTemplate jdbc, @Value("${sunlight.operations.database-timeout:500ms}") Duration timeout) {
		this.jdbc = jdbc;
		this.timeoutMillis = timeout.toMillis();
	}

	@Override
	public Health health() {
		CompletableFuture<Void> check = inFlight.get();
		if (check == null || check.isDone()) {
			CompletableFuture<Void> started = CompletableFuture.runAsync(() -> jdbc.queryForObject("select 1",
					Integer.class), checker);
			check = inFlight.compareAndSet(check, started) ? started : inFlight.get();
		}
		try {
			check.get(timeoutMillis, TimeUnit.MILLISECONDS);
			return Health.up().build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no answer within " + timeoutMillis + " ms").build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause() instanceof Exception cause ? cause : ex).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
	}

	@Override
	public void destroy() {
		checker.shutdownNow();
	}

}
