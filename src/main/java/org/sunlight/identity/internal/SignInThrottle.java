package org.sunlight.identity.internal;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunlight.system.KeyedBuckets;

/**
 * Slows down password guessing with Bucket4j token buckets of failed sign-ins, one per client
 * address and one per account, on the engine clock. An empty address bucket stops that address;
 * an empty account bucket stops only addresses that have been failing themselves, so a stranger
 * can slow an account's attackers down but never the account's owner at a clean address. The
 * buckets ({@link KeyedBuckets}) live on each node (docs/security.md says why that is enough).
 */
@Component
class SignInThrottle {

	private final KeyedBuckets byAddress;
	private final KeyedBuckets byAccount;

	SignInThrottle(@Value("${sunlight.security.throttle.per-address:10}") int perAddress,
			@Value("${sunlight.security.throttle.per-account:20}") int perAccount,
			@Value("${sunlight.security.throttle.period:PT5M}") Duration period) {
		this.byAddress = new KeyedBuckets(perAddress, period);
		this.byAccount = new KeyedBuckets(perAccount, period);
	}

	/** How long this attempt must wait, or empty when it may go ahead. Consumes nothing. */
	Optional<Duration> wait(String address, String username) {
		Bucket client = byAddress.bucket(address);
		EstimationProbe fromAddress = client.estimateAbilityToConsume(1);
		if (!fromAddress.canBeConsumed()) {
			return Optional.of(Duration.ofNanos(fromAddress.getNanosToWaitForRefill()));
		}
		if (client.getAvailableTokens() == byAddress.capacity()) {
			return Optional.empty();
		}
		EstimationProbe onAccount = byAccount.bucket(username).estimateAbilityToConsume(1);
		return onAccount.canBeConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(onAccount.getNanosToWaitForRefill()));
	}

	/** One more failure from this address on this account (buckets already empty stay empty). */
	void failed(String address, String username) {
		byAddress.bucket(address).tryConsume(1);
		byAccount.bucket(username).tryConsume(1);
	}

}
