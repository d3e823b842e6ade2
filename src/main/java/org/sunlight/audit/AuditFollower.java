package org.sunlight.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Follows the audit trail in insertion order ({@code seq}) and hands out each record once, for
 * live views such as the escalation stream. Insertion order is not commit order: a record can
 * commit after one inserted later, so a follower that only remembered the highest number seen
 * would skip it. This one remembers what it handed out above the lowest missing number and waits
 * for that number for a while ({@code patience}); a number that never shows up belongs to a
 * rolled-back transaction. Not thread-safe: one poller drives it.
 */
public final class AuditFollower {

	/** Reads up to {@code limit} records inserted after a number, in insertion order. */
	public interface Source {

		List<AuditTrail.Entry> after(long seq, int limit);

	}

	static final long PATIENCE_NANOS = 60_000_000_000L;

	private final Source source;
	private final LongSupplier nanoTime;
	private final long patienceNanos;
	/** Every record up to this number has been handed out, or given up on. */
	private long low;
	/** Numbers above {@code low} already handed out. */
	private final TreeSet<Long> handedOut = new TreeSet<>();
	/** When each missing number was first noticed missing. */
	private final Map<Long, Long> missingSince = new HashMap<>();

	AuditFollower(Source source, long start) {
		this(source, start, System::nanoTime, PATIENCE_NANOS);
	}

	AuditFollower(Source source, long start, LongSupplier nanoTime, long patienceNanos) {
		this.source = source;
		this.low = start;
		this.nanoTime = nanoTime;
		this.patienceNanos = patienceNanos;
	}

	/** The records committed since the last poll that were not handed out before, oldest first. */
	public List<AuditTrail.Entry> poll(int limit) {
		List<AuditTrail.Entry> fresh = new ArrayList<>();
		for (AuditTrail.Entry entry : source.after(low, limit)) {
			if (handedOut.add(entry.seq())) {
				fresh.add(entry);
			}
		}
		advance();
		return fresh;
	}

	private void advance() {
		long now = nanoTime.getAsLong();
		while (!handedOut.isEmpty()) {
			long next = low + 1;
			if (handedOut.remove(next)) {
				low = next;
				missingSince.remove(next);
				continue;
			}
			long since = missingSince.computeIfAbsent(next, n -> now);
			if (now - since < patienceNanos) {
				break;
			}
			missingSince.remove(next);
			low = next;
		}
	}

}
