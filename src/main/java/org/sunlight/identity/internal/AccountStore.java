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

	/** {@code lockedUntil}: the latest lock of any client address on this account (SignInLocks), for the chart. */
	record Account(String username, String displayName, String passwordHash, boolean enabled, Instant lockedUntil,
			List<String> roles) {
	}

	Optional<Account> find(String username) {
		return jdbc.query("""
				select a.username, a.display_name, a.password_hash, a.enabled,
				       (select max(l.locked_until) from sl_sign_in_lock l where l.username = a.username) as locked_until
				from sl_account a where a.username = ?""", (rs, n) -> {
			Timestamp locked = rs.getTimestamp("locked_until");
			return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(), roles(username));
		}, username).stream().findFirst();
	}

	List<String> usernames() {
		return jdbc.queryForList("select username from sl_account order by username", String.class);
	}

	/** The enabled accounts holding the role. */
	List<String> withRole(String role) {
		return jdbc.queryForList("""
				select a.username from sl_account a join sl_account_role r on r.username = a.username
				where r.role = ? and a.enabled order by a.username""", String.class, role);
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

}
