package org.sunlight.audit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditCheckpoint;
import org.sunlight.audit.AuditRecord;
import org.sunlight.audit.AuditTrail.Broken;
import org.sunlight.audit.AuditTrail.Kind;
import org.sunlight.audit.AuditTrail.Verification;

/**
 * Recomputes the chain and compares it with its head and the signed checkpoints, naming the first
 * thing wrong. The checkpoints are read before the chain, so none of them is newer than the
 * records read; the head is read again after the last record, so records sealed meanwhile are
 * followed rather than reported.
 */
@Component
public class ChainCheck {

	private static final int BATCH = 1000;

	private final AuditStore store;
	private final AuditKey key;
	private final Checkpoints checkpoints;

	ChainCheck(AuditStore store, AuditKey key, Checkpoints checkpoints) {
		this.store = store;
		this.key = key;
		this.checkpoints = checkpoints;
	}

	@Transactional(readOnly = true)
	public Verification run() {
		List<Checkpoints.Read> files = checkpoints.read();
		Map<Long, AuditCheckpoint> signed = new HashMap<>();
		AuditCheckpoint latest = null;
		Checkpoints.Read unsigned = null;
		for (Checkpoints.Read file : files) {
			if (file.signed()) {
				signed.put(file.namedPos(), file.checkpoint());
				latest = file.checkpoint();
			}
			else if (unsigned == null) {
				unsigned = file;
			}
		}
		AuditStore.Head head = store.head();
		Long keyedFrom = head.keyedFrom();
		Result result = new Result(keyedFrom, latest);

		Optional<Broken> keying = keying(head, signed.values());
		if (keying.isPresent()) {
			return result.broken(0, keying.get());
		}
		long firstKeyed = keyedFrom == null ? Long.MAX_VALUE : keyedFrom;
		Mac mac = key.mac();
		String prev = Canonical.GENESIS;
		long expected = 1;
		while (true) {
			List<AuditStore.Stored> batch = store.chainFrom(expected, BATCH);
			for (AuditStore.Stored stored : batch) {
				AuditRecord r = stored.record();
				long checked = expected - 1;
				if (r.chainPos() != expected) {
					return result.broken(checked, broken(r, Kind.GAP, "record " + expected + " of the chain is missing"));
				}
				if (!prev.equals(r.prevHash())) {
					return result.broken(checked, broken(r, Kind.PREVIOUS_HASH_MISMATCH,
							"its previous-record hash does not match the record before it"));
				}
				String text = Canonical.text(r, expected, stored.details());
				boolean keyed = expected >= firstKeyed;
				String hash = keyed ? Canonical.hash(mac, prev, text) : Canonical.hash(prev, text);
				if (!hash.equals(r.hash())) {
					return result.broken(checked, broken(r, Kind.HASH_MISMATCH, mismatch(keyed, expected == firstKeyed
							&& firstKeyed > 1)));
				}
				AuditCheckpoint checkpoint = signed.get(expected);
				if (checkpoint != null && !checkpoint.hash().equals(hash)) {
					return result.broken(checked, broken(r, Kind.CHECKPOINT_MISMATCH, "its hash differs from the one"
							+ " checkpoint " + expected + " of " + checkpoint.at() + " recorded: the chain was re-hashed"
							+ " from here with the key, or the database was restored from a backup taken before it"));
				}
				prev = hash;
				expected++;
			}
			if (batch.size() < BATCH) {
				AuditStore.Head now = store.head();
				boolean moved = now.lastPos() != head.lastPos();
				head = now;
				if (!(moved && now.lastPos() >= expected)) {
					break;
				}
			}
		}
		long checked = expected - 1;
		if (latest != null && latest.chainPos() > checked) {
			return result.broken(checked, new Broken(null, checked + 1, Kind.MISSING_TAIL, "records " + (checked + 1)
					+ " to " + latest.chainPos() + " are missing: checkpoint " + latest.chainPos() + " of "
					+ latest.at() + " saw the chain up to " + latest.chainPos()));
		}
		if (checked < head.lastPos()) {
			return result.broken(checked, new Broken(null, checked + 1, Kind.MISSING_TAIL, "records " + (checked + 1)
					+ " to " + head.lastPos() + " are missing: the head says the chain ends at " + head.lastPos()));
		}
		if (checked > head.lastPos() || !prev.equals(head.lastHash())) {
			return result.broken(checked, new Broken(null, head.lastPos(), Kind.HEAD_MISMATCH, "the head names record "
					+ head.lastPos() + " as the last one, but the chain ends at record " + checked + " with another hash"));
		}
		if (unsigned != null) {
			String claimed = unsigned.checkpoint() == null ? "it is not a readable checkpoint"
					: "it claims key " + unsigned.checkpoint().keyId() + ", this node has key " + key.id();
			return result.broken(checked, new Broken(null, unsigned.namedPos(), Kind.CHECKPOINT_UNSIGNED, "checkpoint"
					+ " file " + unsigned.file() + " is not signed with this node's key (" + claimed + "): someone"
					+ " wrote it by hand, or a node with another key did"));
		}
		return result.valid(checked);
	}

	/** The keying point must carry this key's signature and agree with every signed checkpoint. */
	private Optional<Broken> keying(AuditStore.Head head, Iterable<AuditCheckpoint> signed) {
		Long keyedFrom = head.keyedFrom();
		if (keyedFrom != null && !key.signed(Canonical.keyingPoint(keyedFrom), head.keyedMac())) {
			return Optional.of(new Broken(null, keyedFrom, Kind.KEYING_POINT, "the chain's keying point (position "
					+ keyedFrom + ") is not signed with this node's key " + key.id() + ": it was changed in the"
					+ " database, or this node's key is not the one that sealed the chain"));
		}
		for (AuditCheckpoint checkpoint : signed) {
			if (keyedFrom == null || checkpoint.keyedFrom() != keyedFrom) {
				return Optional.of(new Broken(null, checkpoint.keyedFrom(), Kind.KEYING_POINT, "the database says the"
						+ " keyed chain starts at " + (keyedFrom == null ? "no position" : "position " + keyedFrom)
						+ ", checkpoint " + checkpoint.chainPos() + " of " + checkpoint.at() + " says at position "
						+ checkpoint.keyedFrom() + ": the keying point was moved"));
			}
		}
		return Optional.empty();
	}

	private static String mismatch(boolean keyed, boolean firstKeyedAfterUnkeyed) {
		if (!keyed) {
			return "its content does not match its hash: it was changed after sealing";
		}
		if (firstKeyedAfterUnkeyed) {
			return "its content does not match its keyed hash: it, or an unkeyed record before it, was changed after"
					+ " sealing";
		}
		return "its content does not match its keyed hash: it was changed after sealing, or the chain was"
				+ " re-hashed without the key";
	}

	private static Broken broken(AuditRecord r, Kind kind, String reason) {
		return new Broken(r.id(), r.chainPos(), kind, reason);
	}

	/** Builds the answer once the chain's fate is known; the unsealed count is read last. */
	private final class Result {

		private final Long keyedFrom;
		private final AuditCheckpoint checkpoint;

		Result(Long keyedFrom, AuditCheckpoint checkpoint) {
			this.keyedFrom = keyedFrom;
			this.checkpoint = checkpoint;
		}

		Verification broken(long checked, Broken broken) {
			return new Verification(false, checked, store.unsealedCount(), broken, keyedFrom, checkpoint);
		}

		Verification valid(long checked) {
			return new Verification(true, checked, store.unsealedCount(), null, keyedFrom, checkpoint);
		}

	}

}
