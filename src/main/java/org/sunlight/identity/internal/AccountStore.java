package org.sunlight.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code sl_account} and {@code sl_account_role} tables. */
@Repository
class AccountStore {

	private final JdbcTemplate jdbc;

	AccountStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Account(String username, String displayName, String passwordHash, boolean enabled, int failedAttempts,
			Instant lockedUntil, List<String> roles) {
	}

	Optional<Account> find(String username) {
		return jdbc.query("select * from sl_account where username = ?", (rs, n) -> {
			Timestamp locked = rs.getTimestamp("locked_until");
			return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
					roles(username));
		}, username).stream().findFirst();
	}

	List<String> usernames() {
		return jdbc.queryForList("select username from sl_account order by username", String.class);
	}

	List<String> roles(String username) {
		return jdbc.queryForList("select role from sl_account_role where username = ? order by role", String.class,
				username);
	}

	void insert(String username, String displayName, String passwordHash, Collection<String> roles, Instant now) {
		jdbc.update("""
				insert into sl_account (username, display_name, password_hash, enabled, failed_attempts, created_at)
				values (?, ?, ?, true, 0, ?)""", username, displayName, passwordHash, Timestamp.from(now));
		setRoles(username, roles);
	}

	void update(String username, String displayName, boolean enabled) {
		jdbc.update("update sl_account set display_name = ?, enabled = ? where username = ?", displayName, enabled,
				username);
	}

	void setPassword(String username, String passwordHash) {
		jdbc.update("update sl_account set password_hash = ? where username = ?", passwordHash, username);
	}

	void setRoles(String username, Collection<String> roles) {
		jdbc.update("delete from sl_account_role where username = ?", username);
		for (String role : roles) {
			jdbc.update("insert into sl_account_role (username, role) values (?, ?)", username, role);
		}
	}

	/** One more failed sign-in; returns the count now stored (0 when there is no such account). */
	int failed(String username) {
		if (jdbc.update("update sl_account set failed_attempts = failed_attempts + 1 where username = ?",
				username) == 0) {
			return 0;
		}
		Integer count = jdbc.queryForObject("select failed_attempts from sl_account where username = ?",
				Integer.class, username);
		return count == null ? 0 : count;
	}

	void lock(String username, Instant until) {
		jdbc.update("update sl_account set locked_until = ? where username = ?", Timestamp.from(until), username);
	}

	void signedIn(String username) {
		jdbc.update("update sl_account set failed_attempts = 0, locked_until = null where username = ? "
				+ "and (failed_attempts <> 0 or locked_until is not null)", username);
	}

}
