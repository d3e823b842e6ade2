package org.sunlight.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way in for the sign-in form and HTTP Basic alike: throttle first (before any password
 * is checked), then the (name, address) lock, then the password. Unknown names go through the
 * same steps and Spring's provider checks their password against a dummy hash, so they take as
 * long and get the same answer as a wrong password. A disabled account says so only to someone
 * who typed its right password.
 */
class SignInGuard implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInAttempts attempts;
	private final SignInThrottle throttle;

	SignInGuard(UserAccounts accounts, PasswordEncoder encoder, SignInAttempts attempts, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		this.attempts = attempts;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = SignInAttempts.typed(authentication.getName());
		String address = address(authentication);
		Duration wait = throttle.wait(address, username).orElse(null);
		if (wait != null) {
			attempts.throttled(username, address, wait);
			throw new SignInThrottledException(wait);
		}
		Instant lockedUntil = attempts.lockedUntil(username, address);
		if (lockedUntil != null) {
			attempts.locked(username, address, lockedUntil);
			throw new LockedException("locked");
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			attempts.succeeded(username, address);
			return result;
		}
		catch (DisabledException ex) {
			attempts.disabled(username, address);
			throw ex;
		}
		catch (BadCredentialsException ex) {
			attempts.wrongPassword(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Both the form and Basic filters attach the remote address; behind a proxy see docs/security.md. */
	private static String address(Authentication authentication) {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		return address == null ? "unknown" : SignInAttempts.typed(address);
	}

	/** Too many failures from this address, or on this account from a failing address: 429. */
	static final class SignInThrottledException extends AuthenticationException {

		private final transient Duration wait;

		SignInThrottledException(Duration wait) {
			super("throttled");
			this.wait = wait;
		}

		/** Whole seconds, at least one, for {@code Retry-After}. */
		long retryAfterSeconds() {
			return Math.max(1, (wait.toMillis() + 999) / 1000);
		}

	}

}
