package org.sunlight.supervision.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows the current transaction has written or read, by key, forgotten when it ends. One engine
 * command asks for the same clock several times (each compiled timer's date, the task's due
 * dates, the statistics' step run); with this, the database is asked once. Outside a transaction
 * it remembers nothing. Hand-written rather than Spring's {@code SimpleTransactionScope}, which
 * throws when no transaction is active, where the stores are also read (the API's plain reads).
 */
final class TransactionMemo<V> {

	/** The key the rows are bound under; one per memo. */
	private final Object resource = new Object();

	/** Whether there is a transaction to remember rows for. */
	private static boolean active() {
		return TransactionSynchronizationManager.isSynchronizationActive();
	}

	/** The remembered row, or null when this transaction has not seen it. */
	private V get(String key) {
		Map<String, V> rows = rows(false);
		return rows == null ? null : rows.get(key);
	}

	/** The remembered row, else what {@code database} reads (remembered when found). */
	Optional<V> read(String key, Supplier<Optional<V>> database) {
		V seen = get(key);
		if (seen != null) {
			return Optional.of(seen);
		}
		Optional<V> read = database.get();
		read.ifPresent(value -> put(key, value));
		return read;
	}

	/**
	 * Only what this transaction wrote, for a row nothing else can have written yet; {@code database}
	 * answers when there is no transaction to remember in.
	 */
	Optional<V> written(String key, Supplier<Optional<V>> database) {
		return active() ? Optional.ofNullable(get(key)) : database.get();
	}

	/** Remembers {@code value} (as written or read) for the rest of the transaction. */
	void put(String key, V value) {
		Map<String, V> rows = rows(true);
		if (rows != null) {
			rows.put(key, value);
		}
	}

	/** Drops a row this transaction has changed without reading it back. */
	void forget(String key) {
		Map<String, V> rows = rows(false);
		if (rows != null) {
			rows.remove(key);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, V> rows(boolean create) {
		if (!active()) {
			return null;
		}
		Map<String, V> rows = (Map<String, V>) TransactionSynchronizationManager.getResource(resource);
		if (rows == null && create) {
			Map<String, V> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(resource, fresh);
			// As Spring's transaction scope does: a transaction started inside this one
			// (REQUIRES_NEW) suspends it, and must neither see nor add to its rows.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(resource);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(resource, fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(resource);
				}
			});
			rows = fresh;
		}
		return rows;
	}

}
