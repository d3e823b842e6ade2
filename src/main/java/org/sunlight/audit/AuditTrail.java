package org.sunlight.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.internal.AuditStore;
import org.sunlight.audit.internal.Canonical;

/**
 * Writes acts into the audit trail, seals them into the hash chain and checks the chain. Other
 * modules call {@link #record} inside the transaction of the act, so the record commits or rolls
 * back with it; sealing happens after, one sealer at a time across all nodes.
 */
@Service
public class AuditTrail {

	/** Records sealed per transaction. */
	public static final int SEAL_BATCH = 500;
	private static final int VERIFY_BATCH = 1000;
	private static final int MAX_DETAIL = 500;

	private final AuditStore store;

	AuditTrail(AuditStore store) {
		this.store = store;
	}

	/**
	 * Records an act in the current transaction (one insert, so outside a transaction it commits
	 * by itself; no transaction advice, since every timer job calls this). The time is the engine
	 * clock's, like every other time in Sunlight; {@code details} values are cut to 500 characters.
	 */
	public AuditRecord record(AuditAction action, String actor, String subjectType, String subjectId,
			Map<String, ?> details) {
		Map<String, String> text = new LinkedHashMap<>();
		details.forEach((key, value) -> {
			if (value != null) {
				String s = value.toString();
				text.put(key, s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) : s);
			}
		});
		// Millisecond precision: what every database keeps, so the hash input survives the round trip.
		Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
		AuditRecord record = new AuditRecord(UUID.randomUUID().toString(), now, Objects.requireNonNull(actor),
				action.name(), subjectType, subjectId, Map.copyOf(text), null, null, null);
		store.insert(record, Canonical.details(text));
		return record;
	}

	/** Gives unsealed records their place in the chain; returns how many it sealed. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int seal() {
		AuditStore.Head head = store.lockHead();
		long pos = head.lastPos();
		String prev = head.lastHash();
		List<AuditStore.Seal> seals = new java.util.ArrayList<>();
		for (AuditStore.Stored stored : store.unsealed(SEAL_BATCH)) {
			pos++;
			String hash = Canonical.hash(prev, Canonical.text(stored.record(), pos, stored.details()));
			seals.add(new AuditStore.Seal(stored.record().id(), pos, prev, hash));
			prev = hash;
		}
		if (!seals.isEmpty()) {
			store.seal(seals);
			store.moveHead(pos, prev);
		}
		return seals.size();
	}

	/** A record as followers of the trail see it: its insertion order and what it is about. */
	public record Entry(long seq, String action, String subjectType, String subjectId) {
	}

	/** A follower that starts at the end of the trail and sees each record committed after that once. */
	public AuditFollower follow() {
		return new AuditFollower(store::after, store.lastSeq());
	}

	public Page list(AuditFilter filter, int page, int size) {
		List<AuditRecord> items = store.page(filter, page, size).stream().map(AuditStore.Stored::record).toList();
		return new Page(items, store.count(filter));
	}

	public record Page(List<AuditRecord> items, long total) {
	}

	/** The result of recomputing the chain: how many records were checked and the first broken one. */
	public record Verification(boolean valid, long checked, long unsealed, Broken firstBroken) {
	}

	public record Broken(String id, long chainPos, String reason) {
	}

	/**
	 * Recomputes every hash from the first record on and compares it with the stored one and with
	 * the next record's {@code prevHash}; also catches a record removed from the middle (a gap)
	 * or from the end (the head points past the last record).
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		AuditStore.Head head = store.head();
		String prev = Canonical.GENESIS;
		long expected = 1;
		long checked = 0;
		while (true) {
			List<AuditStore.Stored> batch = store.chainFrom(expected, VERIFY_BATCH);
			for (AuditStore.Stored stored : batch) {
				AuditRecord r = stored.record();
				if (r.chainPos() != expected) {
					return broken(checked, r, "record " + expected + " of the chain is missing");
				}
				if (!prev.equals(r.prevHash())) {
					return broken(checked, r, "its previous-record hash does not match the record before it");
				}
				String hash = Canonical.hash(prev, Canonical.text(r, expected, stored.details()));
				if (!hash.equals(r.hash())) {
					return broken(checked, r, "its content does not match its hash: it was changed after sealing");
				}
				prev = hash;
				expected++;
				checked++;
			}
			if (batch.size() < VERIFY_BATCH) {
				break;
			}
		}
		if (checked != head.lastPos() || !prev.equals(head.lastHash())) {
			return new Verification(false, checked, unsealed(),
					new Broken(null, checked + 1, "records after position " + checked + " are missing"));
		}
		return new Verification(true, checked, unsealed(), null);
	}

	private Verification broken(long checked, AuditRecord r, String reason) {
		return new Verification(false, checked, unsealed(), new Broken(r.id(), r.chainPos(), reason));
	}

	private long unsealed() {
		return store.unsealedCount();
	}

}
