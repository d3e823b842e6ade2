package org.sunlight.portal.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many failed progress lookups a client address may make: a Bucket4j token bucket per address,
 * {@code capacity} tokens refilled evenly over an hour. Every lookup takes a token first (so
 * concurrent guesses cannot overshoot) and a lookup that finds its case gives it back, so only
 * failures count. The time is the engine clock's, like every other time in Sunlight, so tests move
 * it instead of waiting. The buckets live in this node's memory.
 */
@Component
public class LookupThrottle {

	/** Past this many addresses, full buckets (nothing to remember) are dropped. */
	private static final int PRUNE_AT = 10_000;

	private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	};

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final int capacity;
	private final Duration period;

	LookupThrottle(@Value("${sunlight.portal.failed-lookups-per-hour:10}") int capacity) {
		this.capacity = capacity;
		this.period = Duration.ofHours(1);
	}

	/** The outcome of taking a token: allowed, or refused with how long until the next one. */
	public record Permit(boolean allowed, Duration retryAfter) {
	}

	public Permit take(String client) {
		ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? new Permit(true, Duration.ZERO)
				: new Permit(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** A lookup that found its case does not count against its client. */
	public void giveBack(String client) {
		bucket(client).addTokens(1);
	}

	public int capacity() {
		return capacity;
	}

	private Bucket bucket(String client) {
		if (buckets.size() > PRUNE_AT) {
			buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
		}
		return buckets.computeIfAbsent(client, key -> Bucket.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
			.withCustomTimePrecision(ENGINE_CLOCK)
			.build());
	}

}
