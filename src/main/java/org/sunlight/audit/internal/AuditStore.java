package org.sunlight.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.audit.AuditFilter;
import org.sunlight.audit.AuditRecord;
import org.sunlight.audit.AuditTrail;

/** The {@code sl_audit_record} table and the chain head. */
@Repository
public class AuditStore {

	private final JdbcTemplate jdbc;

	AuditStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AuditRecord r, String details) {
		jdbc.update("""
				insert into sl_audit_record (id, recorded_at, actor, action, subject_type, subject_id, details)
				values (?, ?, ?, ?, ?, ?, ?)""", r.id(), Timestamp.from(r.recordedAt()), r.actor(), r.action(),
				r.subjectType(), r.subjectId(), details);
	}

	/** Locks the head row for this transaction: one sealer at a time, on every node. */
	public Head lockHead() {
		return jdbc.queryForObject(HEAD + " for update", AuditStore::head);
	}

	public void moveHead(long lastPos, String lastHash) {
		jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ? where id = 1", lastPos, lastHash);
	}

	public Head head() {
		return jdbc.queryForObject(HEAD, AuditStore::head);
	}

	/** Records where the keyed chain starts and the key's signature over it; once, under the head lock. */
	public void keyHead(long keyedFrom, String keyedMac) {
		jdbc.update("update sl_audit_head set keyed_from = ?, keyed_mac = ? where id = 1", keyedFrom, keyedMac);
	}

	/** The stored hash of the record at a chain position (position 0: the genesis), or null when there is none. */
	public String hashAt(long chainPos) {
		if (chainPos == 0) {
			return Canonical.GENESIS;
		}
		List<String> hashes = jdbc.queryForList("select hash from sl_audit_record where chain_pos = ?", String.class,
				chainPos);
		return hashes.isEmpty() ? null : hashes.get(0);
	}

	private static final String HEAD = "select last_pos, last_hash, keyed_from, keyed_mac from sl_audit_head where id = 1";

	private static Head head(ResultSet rs, int row) throws SQLException {
		long keyedFrom = rs.getLong(3);
		Long keyed = rs.wasNull() ? null : keyedFrom;
		return new Head(rs.getLong(1), rs.getString(2), keyed, rs.getString(4));
	}

	public List<Stored> unsealed(int limit) {
		return jdbc.query("select * from sl_audit_record where chain_pos is null order by recorded_at, seq fetch first "
				+ limit + " rows only", AuditStore::map);
	}

	/** A record's place in the chain, as the sealer worked it out. */
	public record Seal(String id, long chainPos, String prevHash, String hash) {
	}

	/** How many records still wait for their chain position. */
	public long unsealedCount() {
		Long count = jdbc.queryForObject("select count(*) from sl_audit_record where chain_pos is null", Long.class);
		return count == null ? 0 : count;
	}

	/** Seals one record (public for the query plan test). */
	public static final String SEAL = "update sl_audit_record set chain_pos = ?, prev_hash = ?, hash = ?"
			+ " where id = ? and coalesce(chain_pos, 0) = 0";

	/**
	 * Writes a batch of seals in one round trip to the database; a record found sealed already
	 * fails the whole batch (and the sealer's transaction), so the chain never skips a position.
	 * The record is found by its primary key alone: with {@code chain_pos is null} in the
	 * condition, PostgreSQL, once its statistics said the column was never null, walked the
	 * unique index's null entries instead, every unsealed record for every update
	 * (docs/benchmarks.md, session 4). {@code coalesce} keeps the guard out of any index.
	 */
	public void seal(List<Seal> seals) {
		int[][] counts = jdbc.batchUpdate(SEAL, seals, seals.size(), (ps, seal) -> {
					ps.setLong(1, seal.chainPos());
					ps.setString(2, seal.prevHash());
					ps.setString(3, seal.hash());
					ps.setString(4, seal.id());
				});
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count == 0) {
					throw new IllegalStateException("an audit record to seal was missing or sealed already");
				}
			}
		}
	}

	/** Records inserted after {@code seq}, in insertion order, whether sealed or not. */
	public List<AuditTrail.Entry> after(long seq, int limit) {
		return jdbc.query("select seq, action, subject_type, subject_id from sl_audit_record where seq > ? order by seq"
				+ " fetch first " + limit + " rows only", (rs, n) -> new AuditTrail.Entry(rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getString(4)), seq);
	}

	public long lastSeq() {
		Long seq = jdbc.queryForObject("select max(seq) from sl_audit_record", Long.class);
		return seq == null ? 0 : seq;
	}

	/** Sealed records from a position on, in chain order. */
	public List<Stored> chainFrom(long fromPos, int limit) {
		return jdbc.query("select * from sl_audit_record where chain_pos >= ? order by chain_pos fetch first " + limit
				+ " rows only", AuditStore::map, fromPos);
	}

	public List<Stored> page(AuditFilter filter, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		args.add((long) page * size);
		args.add(size);
		return jdbc.query("select * from sl_audit_record" + where
				+ " order by recorded_at desc, seq desc offset ? rows fetch next ? rows only", AuditStore::map,
				args.toArray());
	}

	public long count(AuditFilter filter) {
		List<Object> args = new ArrayList<>();
		Long count = jdbc.queryForObject("select count(*) from sl_audit_record" + where(filter, args), Long.class,
				args.toArray());
		return count == null ? 0 : count;
	}

	private static String where(AuditFilter f, List<Object> args) {
		List<String> terms = new ArrayList<>();
		if (f.actor() != null) {
			terms.add("actor = ?");
			args.add(f.actor());
		}
		if (f.action() != null) {
			terms.add("action = ?");
			args.add(f.action().name());
		}
		if (f.subjectType() != null) {
			terms.add("subject_type = ?");
			args.add(f.subjectType());
		}
		if (f.subjectId() != null) {
			terms.add("subject_id = ?");
			args.add(f.subjectId());
		}
		if (f.from() != null) {
			terms.add("recorded_at >= ?");
			args.add(Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			terms.add("recorded_at < ?");
			args.add(Timestamp.from(f.to()));
		}
		return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
	}

	/**
	 * The chain's head; {@code keyedFrom} is the first position hashed under the key (null until a
	 * node with a key first seals) and {@code keyedMac} the key's signature over it.
	 */
	public record Head(long lastPos, String lastHash, Long keyedFrom, String keyedMac) {
	}

	/** A row as stored: the record plus its details exactly as the column holds them. */
	public record Stored(AuditRecord record, String details) {
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		long pos = rs.getLong("chain_pos");
		Long chainPos = rs.wasNull() ? null : pos;
		String details = rs.getString("details");
		Map<String, String> parsed;
		try {
			parsed = Canonical.details(details);
		}
		catch (IllegalStateException ex) {
			// A tampered, unreadable row must still be listed and named by the check.
			parsed = Map.of("unreadable", details);
		}
		return new Stored(new AuditRecord(rs.getString("id"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
				parsed, chainPos, rs.getString("prev_hash"), rs.getString("hash")), details);
	}

}
