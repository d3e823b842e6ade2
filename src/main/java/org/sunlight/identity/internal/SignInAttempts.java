package org.sunlight.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;

/**
 * What happens after a sign-in attempt: every refusal is audited (never the password), a wrong
 * password counts against the throttle and against its (name, address) pair, and after
 * {@code sunlight.security.max-failed-sign-ins} in a row the pair is locked for
 * {@code sunlight.security.lockout}. A right password starts its pair's count again.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final SignInLocks locks;
	private final SignInThrottle throttle;
	private final AccountStore accounts;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final int maxFailures;
	private final Duration lockout;

	SignInAttempts(SignInLocks locks, SignInThrottle throttle, AccountStore accounts, AuditTrail audit,
			TransactionTemplate transactions, @Value("${sunlight.security.max-failed-sign-ins:5}") int maxFailures,
			@Value("${sunlight.security.lockout:PT15M}") Duration lockout) {
		this.locks = locks;
		this.throttle = throttle;
		this.accounts = accounts;
		this.audit = audit;
		this.transactions = transactions;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	/** Whatever was typed is kept cut short: it may be garbage, never a password. */
	static String typed(String username) {
		String name = String.valueOf(username);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	void wrongPassword(String username, String address) {
		throttle.failed(address, username);
		Instant now = now();
		int failures = locks.failed(username, address, now);
		transactions.executeWithoutResult(status -> {
			refused(username, address, "wrongPassword", Map.of("failuresInARow", failures));
			if (failures >= maxFailures) {
				Instant until = now.plus(lockout);
				locks.lock(username, address, until);
				audit.record(AuditAction.ACCOUNT_LOCKED, "system", "person", username,
						Map.of("until", until, "failuresInARow", failures, "clientAddress", address));
				log.warn("Sign-in of {} from {} locked until {} after {} failures", username, address, until, failures);
			}
		});
	}

	/** An attempt on a pair that is locked counts against the throttle, so it cannot go on for ever. */
	void locked(String username, String address, Instant until) {
		throttle.failed(address, username);
		refused(username, address, "locked", Map.of("lockedUntil", until));
	}

	void throttled(String username, String address, Duration wait) {
		refused(username, address, "throttled", Map.of("retryAfterSeconds", wait.toSeconds()));
	}

	void disabled(String username, String address) {
		refused(username, address, "disabled", Map.of());
	}

	void succeeded(String username, String address) {
		locks.clear(username, address);
	}

	Instant lockedUntil(String username, String address) {
		return locks.lockedUntil(username, address, now());
	}

	private void refused(String username, String address, String reason, Map<String, ?> more) {
		Map<String, Object> details = new LinkedHashMap<>(more);
		details.put("reason", reason);
		details.put("clientAddress", address);
		details.put("knownAccount", accounts.find(username).isPresent());
		audit.record(AuditAction.SIGN_IN_FAILED, username, "person", username, details);
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
