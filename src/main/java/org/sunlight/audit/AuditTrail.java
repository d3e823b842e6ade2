package org.sunlight.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sunlight.audit.internal.AuditKey;
import org.sunlight.audit.internal.AuditStore;
import org.sunlight.audit.internal.Canonical;
import org.sunlight.audit.internal.ChainCheck;
import org.sunlight.audit.internal.Checkpoints;

/**
 * Writes acts into the audit trail, seals them into the keyed hash chain, checkpoints its head
 * outside the database and checks the chain. Other modules call {@link #record} inside the
 * transaction of the act, so the record commits or rolls back with it; sealing happens after, one
 * sealer at a time across all nodes.
 */
@Service
public class AuditTrail {

	/** Records sealed per transaction. */
	public static final int SEAL_BATCH = 500;
	private static final int MAX_DETAIL = 500;

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final AuditStore store;
	private final AuditKey key;
	private final Checkpoints checkpoints;
	private final ChainCheck check;
	/** Whether the last seal was refused, so the refusal is logged once, not every second. */
	private volatile boolean refusing;

	AuditTrail(AuditStore store, AuditKey key, Checkpoints checkpoints, ChainCheck check) {
		this.store = store;
		this.key = key;
		this.checkpoints = checkpoints;
		this.check = check;
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

	/**
	 * Gives unsealed records their place in the chain, each hashed under the key; returns how
	 * many it sealed. The first seal with a key marks where the keyed chain starts. A node whose
	 * key did not sign that mark (another key, or the mark was changed) seals nothing and says so.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int seal() {
		AuditStore.Head head = store.lockHead();
		if (head.keyedFrom() == null) {
			long keyedFrom = head.lastPos() + 1;
			store.keyHead(keyedFrom, key.sign(Canonical.keyingPoint(keyedFrom)));
			log.info("The audit chain is keyed from position {} (key {}); records before it keep plain SHA-256",
					keyedFrom, key.id());
			// The mark goes outside the database too, so moving it later shows.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						checkpoint();
					}
					catch (RuntimeException ex) {
						// the scheduled checkpoint tries again; the seal itself has committed
						log.error("Could not checkpoint the newly keyed audit chain: {}", ex.getMessage());
					}
				}
			});
		}
		else if (!key.signed(Canonical.keyingPoint(head.keyedFrom()), head.keyedMac())) {
			if (!refusing) {
				log.error("Not sealing the audit trail: the chain's keying point (position {}) is not signed with"
						+ " this node's key {}. Either this node's SUNLIGHT_AUDIT_KEY differs from the one that"
						+ " sealed the chain, or sl_audit_head was changed; GET /api/audit/verify says which record"
						+ " is affected", head.keyedFrom(), key.id());
				refusing = true;
			}
			return 0;
		}
		refusing = false;
		Mac mac = key.mac();
		long pos = head.lastPos();
		String prev = head.lastHash();
		List<AuditStore.Seal> seals = new ArrayList<>();
		for (AuditStore.Stored stored : store.unsealed(SEAL_BATCH)) {
			pos++;
			String hash = Canonical.hash(mac, prev, Canonical.text(stored.record(), pos, stored.details()));
			seals.add(new AuditStore.Seal(stored.record().id(), pos, prev, hash));
			prev = hash;
		}
		if (!seals.isEmpty()) {
			store.seal(seals);
			store.moveHead(pos, prev);
		}
		return seals.size();
	}

	/**
	 * Signs the head into a checkpoint outside the database, unless the newest checkpoint already
	 * covers it. Checkpoints only move forward: a head behind the newest checkpoint, or a chain
	 * whose record at the newest checkpoint's position no longer has its hash, is not signed
	 * (empty; verification names the record). Returns the checkpoint that covers the head.
	 */
	public Optional<AuditCheckpoint> checkpoint() {
		// The newest checkpoint before the head: another node's checkpoint is never ahead of the head read after it.
		Optional<AuditCheckpoint> latest = checkpoints.latest();
		AuditStore.Head head = store.head();
		if (head.keyedFrom() == null || !key.signed(Canonical.keyingPoint(head.keyedFrom()), head.keyedMac())) {
			log.error("Not checkpointing the audit chain: its keying point is missing or not signed with key {}",
					key.id());
			return Optional.empty();
		}
		if (latest.isPresent()) {
			AuditCheckpoint last = latest.get();
			if (last.chainPos() > head.lastPos() || last.keyedFrom() != head.keyedFrom()
					|| !last.hash().equals(store.hashAt(last.chainPos()))) {
				log.error("Not checkpointing the audit chain: it no longer matches checkpoint {} of {}; run"
						+ " GET /api/audit/verify", last.chainPos(), last.at());
				return Optional.empty();
			}
			if (last.chainPos() == head.lastPos()) {
				return latest;
			}
		}
		if (!headRecordSealedWithKey(head)) {
			log.error("Not checkpointing the audit chain: its last record {} does not carry the head's keyed hash;"
					+ " run GET /api/audit/verify", head.lastPos());
			return Optional.empty();
		}
		AuditCheckpoint next = new AuditCheckpoint(head.lastPos(), head.lastHash(), head.keyedFrom(),
				ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS), key.id());
		checkpoints.write(next);
		checkpoints.prune();
		return Optional.of(next);
	}

	/** One row, not the chain: a head re-hashed without the key is never signed into a checkpoint. */
	private boolean headRecordSealedWithKey(AuditStore.Head head) {
		if (head.lastPos() < head.keyedFrom()) {
			return true;
		}
		List<AuditStore.Stored> last = store.chainFrom(head.lastPos(), 1);
		if (last.isEmpty() || last.get(0).record().chainPos() != head.lastPos()) {
			return false;
		}
		AuditRecord r = last.get(0).record();
		String hash = Canonical.hash(key.mac(), r.prevHash() == null ? "" : r.prevHash(),
				Canonical.text(r, head.lastPos(), last.get(0).details()));
		return hash.equals(r.hash()) && hash.equals(head.lastHash());
	}

	/**
	 * How far the chain has come, cheaply (no hash is recomputed): the last sealed position, the
	 * records still waiting for their seal, and the newest signed checkpoint. A checkpoint far
	 * behind the head means checkpointing stopped, which it does when the chain no longer matches.
	 */
	public record Progress(long sealedTo, long unsealed, AuditCheckpoint checkpoint) {
	}

	public Progress progress() {
		return new Progress(store.head().lastPos(), store.unsealedCount(), checkpoints.latest().orElse(null));
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

	/**
	 * The result of recomputing the chain: how many records were checked, the first broken one,
	 * where the keyed chain starts and the newest checkpoint the chain was compared with.
	 */
	public record Verification(boolean valid, long checked, long unsealed, Broken firstBroken, Long keyedFrom,
			AuditCheckpoint checkpoint) {
	}

	/** The first thing wrong: a record (its id and position), or a position with no record. */
	public record Broken(String id, long chainPos, Kind kind, String reason) {
	}

	/** What is wrong at the broken position. */
	public enum Kind {

		/** The record's content does not give its hash: changed, or re-hashed without the key. */
		HASH_MISMATCH,
		/** The record's previous-record hash is not the hash of the record before it. */
		PREVIOUS_HASH_MISMATCH,
		/** No record has this position, though later ones exist: removed from the middle. */
		GAP,
		/** The chain ends before the head or a checkpoint says it does: records removed from the end. */
		MISSING_TAIL,
		/** The head names another last record than the chain's. */
		HEAD_MISMATCH,
		/** The record's hash differs from the one a signed checkpoint recorded for its position. */
		CHECKPOINT_MISMATCH,
		/** Where the keyed chain starts is not signed with this key, or differs from the checkpoints'. */
		KEYING_POINT,
		/** A file in the checkpoint directory is not a checkpoint signed with this key. */
		CHECKPOINT_UNSIGNED

	}

	/**
	 * Recomputes every hash from the first record on (plain SHA-256 before the keying point, the
	 * keyed hash from it on) and compares the chain with its head and the signed checkpoints, so
	 * an edited record, one removed from the middle or the end, and a re-hashed chain are named.
	 */
	public Verification verify() {
		return check.run();
	}

}
