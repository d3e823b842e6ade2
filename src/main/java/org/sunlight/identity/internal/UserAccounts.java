package org.sunlight.identity.internal;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The accounts that may sign in, from {@code sl_account} (BCrypt hashes), so every node sees the
 * same people, passwords and lockouts. A locked account is refused before its password is
 * checked; the lock lifts by itself when its time is up, or when an administrator unlocks it.
 */
@Component
public class UserAccounts implements UserDetailsService {

	private final AccountStore accounts;

	UserAccounts(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		AccountStore.Account account = accounts.find(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		Instant now = ClockUtil.getCurrentTime().toInstant();
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.roles(account.roles().toArray(String[]::new))
			.disabled(!account.enabled())
			.accountLocked(account.lockedUntil() != null && account.lockedUntil().isAfter(now))
			.build();
	}

	public String displayName(String username) {
		return accounts.find(username).map(AccountStore.Account::displayName).orElse(username);
	}

}
