package org.sunlight.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Bucket4j token buckets by key (a client address, an account): {@code capacity} tokens refilled
 * evenly over {@code period}, timed on the engine clock like every other time in Sunlight, so
 * tests move it instead of waiting. The buckets live in this node's memory; past 10,000 keys, full
 * buckets (nothing to remember) are dropped.
 */
public final class KeyedBuckets {

	private static final int PRUNE_ABOVE = 10_000;

	private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return ClockUtil.getCurrentTime().getTime() * 1_000_000L;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	};

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final Bandwidth limit;

	public KeyedBuckets(int capacity, Duration period) {
		this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	public Bucket bucket(String key) {
		if (buckets.size() > PRUNE_ABOVE) {
			buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.getCapacity());
		}
		return buckets.computeIfAbsent(key,
				k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(ENGINE_CLOCK).build());
	}

	public long capacity() {
		return limit.getCapacity();
	}

}
