package org.sunlight.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing with Bucket4j token buckets of failed sign-ins, one per client
 * address and one per account, on the engine clock. An empty address bucket stops that address;
 * an empty account bucket stops only addresses that have been failing themselves, so a stranger
 * can slow an account's attackers down but never the account's owner at a clean address. The
 * buckets live on each node (docs/security.md says why that is enough).
 */
@Component
class SignInThrottle {

	/** Beyond this many remembered keys, buckets that are full again (nothing to remember) are dropped. */
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

	private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
	private final Map<String, Bucket> byAccount = new ConcurrentHashMap<>();
	private final Bandwidth addressLimit;
	private final Bandwidth accountLimit;

	SignInThrottle(@Value("${sunlight.security.throttle.per-address:10}") int perAddress,
			@Value("${sunlight.security.throttle.per-account:20}") int perAccount,
			@Value("${sunlight.security.throttle.period:PT5M}") Duration period) {
		this.addressLimit = Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, period).build();
		this.accountLimit = Bandwidth.builder().capacity(perAccount).refillGreedy(perAccount, period).build();
	}

	/** How long this attempt must wait, or empty when it may go ahead. Consumes nothing. */
	Optional<Duration> wait(String address, String username) {
		Bucket client = bucket(byAddress, address, addressLimit);
		EstimationProbe fromAddress = client.estimateAbilityToConsume(1);
		if (!fromAddress.canBeConsumed()) {
			return Optional.of(Duration.ofNanos(fromAddress.getNanosToWaitForRefill()));
		}
		if (client.getAvailableTokens() == addressLimit.getCapacity()) {
			return Optional.empty();
		}
		EstimationProbe onAccount = bucket(byAccount, username, accountLimit).estimateAbilityToConsume(1);
		return onAccount.canBeConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(onAccount.getNanosToWaitForRefill()));
	}

	/** One more failure from this address on this account (buckets already empty stay empty). */
	void failed(String address, String username) {
		bucket(byAddress, address, addressLimit).tryConsume(1);
		bucket(byAccount, username, accountLimit).tryConsume(1);
	}

	private Bucket bucket(Map<String, Bucket> buckets, String key, Bandwidth limit) {
		if (buckets.size() > PRUNE_ABOVE) {
			buckets.values().removeIf(bucket -> bucket.getAvailableTokens() == limit.getCapacity());
		}
		return buckets.computeIfAbsent(key,
				k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(ENGINE_CLOCK).build());
	}

}
