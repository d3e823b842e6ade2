package org.sunlight.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;

/**
 * Counts failed sign-ins: each is audited, and after {@code sunlight.security.max-failed-sign-ins}
 * in a row the account is locked for {@code sunlight.security.lockout}. A successful sign-in
 * starts the count again.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final AccountStore accounts;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final int maxFailures;
	private final Duration lockout;

	SignInAttempts(AccountStore accounts, AuditTrail audit, TransactionTemplate transactions,
			@Value("${sunlight.security.max-failed-sign-ins:5}") int maxFailures,
			@Value("${sunlight.security.lockout:PT15M}") Duration lockout) {
		this.accounts = accounts;
		this.audit = audit;
		this.transactions = transactions;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String typed = String.valueOf(event.getAuthentication().getName());
		// Whatever was typed is recorded, cut short: it may be garbage, never a password.
		String username = typed.length() > 64 ? typed.substring(0, 64) : typed;
		transactions.executeWithoutResult(status -> {
			int failures = accounts.failed(username);
			audit.record(AuditAction.SIGN_IN_FAILED, username, "person", username,
					Map.of("failuresInARow", failures, "knownAccount", failures > 0));
			if (failures >= maxFailures) {
				Instant until = ClockUtil.getCurrentTime().toInstant().plus(lockout);
				accounts.lock(username, until);
				audit.record(AuditAction.ACCOUNT_LOCKED, "system", "person", username,
						Map.of("until", until, "failuresInARow", failures));
				log.warn("Account {} locked until {} after {} failed sign-ins", username, until, failures);
			}
		});
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		transactions.executeWithoutResult(status -> accounts.signedIn(event.getAuthentication().getName()));
	}

}
