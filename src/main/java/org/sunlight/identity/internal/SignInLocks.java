package org.sunlight.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code sl_sign_in_lock} table: failed sign-ins in a row and the lock, per (typed user
 * name, client address), in the database so that both nodes enforce one lock. Unknown names get
 * rows like known ones, so a lock says nothing about whether the account exists.
 */
@Repository
class SignInLocks {

	private final JdbcTemplate jdbc;

	SignInLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The end of the lock on this name for this address, if it is locked at {@code now}. */
	Instant lockedUntil(String username, String address, Instant now) {
		List<Timestamp> until = jdbc.queryForList(
				"select locked_until from sl_sign_in_lock where username = ? and client_address = ? and locked_until > ?",
				Timestamp.class, username, address, Timestamp.from(now));
		return until.isEmpty() ? null : until.get(0).toInstant();
	}

	/** One more failure in a row; returns the count now stored. */
	int failed(String username, String address, Instant now) {
		if (increment(username, address, now) == 0) {
			try {
				jdbc.update("""
						insert into sl_sign_in_lock (username, client_address, failures, last_failure)
						values (?, ?, 1, ?)""", username, address, Timestamp.from(now));
				return 1;
			}
			catch (DuplicateKeyException raced) {
				increment(username, address, now);
			}
		}
		return jdbc.queryForObject("select failures from sl_sign_in_lock where username = ? and client_address = ?",
				Integer.class, username, address);
	}

	private int increment(String username, String address, Instant now) {
		return jdbc.update("""
				update sl_sign_in_lock set failures = failures + 1, last_failure = ?
				where username = ? and client_address = ?""", Timestamp.from(now), username, address);
	}

	/** Locks the pair until {@code until} and starts its count again, so the next lock needs a full run. */
	void lock(String username, String address, Instant until) {
		jdbc.update("update sl_sign_in_lock set failures = 0, locked_until = ? where username = ? and client_address = ?",
				Timestamp.from(until), username, address);
	}

	/** A right password from this address: its count and lock are gone. */
	void clear(String username, String address) {
		jdbc.update("delete from sl_sign_in_lock where username = ? and client_address = ?", username, address);
	}

	/** An administrator's unlock: every address's count and lock on this account are gone. */
	void clearAll(String username) {
		jdbc.update("delete from sl_sign_in_lock where username = ?", username);
	}

}
