package org.sunlight.identity.internal;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The accounts that may sign in, from {@code sl_account} (BCrypt hashes), so every node sees the
 * same people and passwords. Locks and throttling are the {@link SignInGuard}'s.
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
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.roles(account.roles().toArray(String[]::new))
			.disabled(!account.enabled())
			.build();
	}

	public String displayName(String username) {
		return accounts.find(username).map(AccountStore.Account::displayName).orElse(username);
	}

}
