package org.sunlight.portal.internal;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunlight.system.KeyedBuckets;

/**
 * How many failed progress lookups a client address may make: a Bucket4j token bucket per address,
 * {@code capacity} tokens refilled evenly over an hour. Every lookup takes a token first (so
 * concurrent guesses cannot overshoot) and a lookup that finds its case gives it back, so only
 * failures count. The buckets ({@link KeyedBuckets}) run on the engine clock and live in this
 * node's memory.
 */
@Component
public class LookupThrottle {

	private final KeyedBuckets buckets;

	LookupThrottle(@Value("${sunlight.portal.failed-lookups-per-hour:10}") int capacity) {
		this.buckets = new KeyedBuckets(capacity, Duration.ofHours(1));
	}

	/** The outcome of taking a token: allowed, or refused with how long until the next one. */
	public record Permit(boolean allowed, Duration retryAfter) {
	}

	public Permit take(String client) {
		ConsumptionProbe probe = buckets.bucket(client).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? new Permit(true, Duration.ZERO)
				: new Permit(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** A lookup that found its case does not count against its client. */
	public void giveBack(String client) {
		buckets.bucket(client).addTokens(1);
	}

	public int capacity() {
		return (int) buckets.capacity();
	}

}
