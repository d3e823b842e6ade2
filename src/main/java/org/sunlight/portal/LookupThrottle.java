package org.sunlight.portal;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.sunlight.system.KeyedBuckets;

/**
 * How many failed lookups by a number and its query code a client address may make (a case's
 * progress, a complaint's, a complaint about a case: one bucket for all, so no door walks codes): a Bucket4j token bucket per address,
 * {@code capacity} tokens refilled evenly over an hour. Every lookup takes a token first (so
 * concurrent guesses cannot overshoot) and a lookup that finds its case gives it back, so only
 * failures count. The buckets ({@link KeyedBuckets}) run on the engine clock and live in this
 * node's memory.
 */
@Component
public class LookupThrottle {

	private final KeyedBuckets buckets;

	private final MessageSource messages;

	LookupThrottle(@Value("${sunlight.portal.failed-lookups-per-hour:10}") int capacity, MessageSource messages) {
		this.buckets = new KeyedBuckets(capacity, Duration.ofHours(1));
		this.messages = messages;
	}

	/**
	 * Takes a token for a lookup by {@code client}; with none left, runs {@code refused} (to audit
	 * it) and throws {@link PublicProgress.TooManyLookupsException} (429 with {@code Retry-After}).
	 */
	public void takeOrRefuse(String client, Runnable refused) {
		Permit permit = take(client);
		if (!permit.allowed()) {
			refused.run();
			throw new PublicProgress.TooManyLookupsException(messages.getMessage("portal.tooManyLookups",
					new Object[] { permit.retryAfterMinutes() }, "portal.tooManyLookups", LocaleContextHolder.getLocale()),
					permit.retryAfterSeconds());
		}
	}

	/** The outcome of taking a token: allowed, or refused with how long until the next one. */
	public record Permit(boolean allowed, Duration retryAfter) {

		/** The wait in whole seconds, rounded up, at least one: for {@code Retry-After}. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

		/** The wait in whole minutes, rounded up: for the message. */
		public long retryAfterMinutes() {
			return (retryAfterSeconds() + 59) / 60;
		}

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
