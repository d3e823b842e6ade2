package org.sunlight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.sunlight.audit.internal.Canonical;

/**
 * A database from before the chain was keyed: its three records, sealed with plain SHA-256, stay
 * verifiable as they are; the first node with a key keys the chain from the next position on.
 * Re-hashing the unkeyed part is caught at the first keyed record, whose hash covers the last
 * unkeyed one. Subclasses say which database.
 */
@SpringBootTest(properties = { "sunlight.audit.seal-every=1h", "sunlight.audit.checkpoint-every=1h" })
@DirtiesContext
abstract class AuditKeyingMigrationContract {

	static final int LEGACY = 3;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	/** Migrates an empty database as the release before keying did and seals three records its way. */
	static void legacyDatabase(String url, String user) {
		Flyway.configure().dataSource(url, user, "").table("sl_schema_history").target("30").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
		String prev = Canonical.GENESIS;
		for (int pos = 1; pos <= LEGACY; pos++) {
			Map<String, String> details = Map.of("reason", "补正材料 " + pos);
			AuditRecord record = new AuditRecord(UUID.randomUUID().toString(),
					Instant.parse("2026-11-0" + pos + "T08:00:00.123Z"), "handler1", AuditAction.CLOCK_PAUSED.name(),
					"case", "legacy-" + pos, details, null, null, null);
			String json = Canonical.details(details);
			String hash = Canonical.hash(prev, Canonical.text(record, pos, json));
			jdbc.update("""
					insert into sl_audit_record (id, recorded_at, actor, action, subject_type, subject_id, details,
					  chain_pos, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", record.id(),
					Timestamp.from(record.recordedAt()), record.actor(), record.action(), record.subjectType(),
					record.subjectId(), json, pos, prev, hash);
			prev = hash;
		}
		jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", LEGACY, prev);
	}

	@Test
	void theUnkeyedRecordsStayVerifiableAndTheChainIsKeyedAfterThem() {
		trail.seal();
		AuditTrail.Verification result = trail.verify();
		assertThat(result.valid()).as("%s", result.firstBroken()).isTrue();
		assertThat(result.keyedFrom()).isEqualTo(LEGACY + 1);
		assertThat(result.checked()).isGreaterThan(LEGACY);
		// the keying point went outside the database at once
		assertThat(result.checkpoint()).isNotNull();
		assertThat(result.checkpoint().keyedFrom()).isEqualTo(LEGACY + 1);
		// the first keyed record is not the plain SHA-256 of its content
		Map<String, Object> first = jdbc.queryForMap("select * from sl_audit_record where chain_pos = ?", LEGACY + 1);
		assertThat(first.get("hash")).isNotEqualTo(plainHash(LEGACY + 1));
		assertThat(jdbc.queryForObject("select hash from sl_audit_record where chain_pos = 2", String.class))
			.isEqualTo(plainHash(2));
	}

	@Test
	void anUnkeyedRecordChangedIsNamed() {
		trail.seal();
		String details = jdbc.queryForObject("select details from sl_audit_record where chain_pos = 2", String.class);
		jdbc.update("update sl_audit_record set details = '{\"reason\":\"改过\"}' where chain_pos = 2");
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().chainPos()).isEqualTo(2);
			assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.HASH_MISMATCH);
		}
		finally {
			jdbc.update("update sl_audit_record set details = ? where chain_pos = 2", details);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void reHashingTheUnkeyedRecordsIsCaughtAtTheFirstKeyedOne() {
		trail.seal();
		Map<String, Object> two = jdbc.queryForMap("select details, hash from sl_audit_record where chain_pos = 2");
		Map<String, Object> three = jdbc.queryForMap("select prev_hash, hash from sl_audit_record where chain_pos = 3");
		String firstKeyedPrev = jdbc.queryForObject("select prev_hash from sl_audit_record where chain_pos = 4",
				String.class);
		jdbc.update("update sl_audit_record set details = '{\"reason\":\"改过\"}' where chain_pos = 2");
		try {
			// The unkeyed algorithm is public: records 2 and 3 get consistent hashes again.
			String hash2 = plainHash(2);
			jdbc.update("update sl_audit_record set hash = ? where chain_pos = 2", hash2);
			jdbc.update("update sl_audit_record set prev_hash = ? where chain_pos = 3", hash2);
			String hash3 = plainHash(3);
			jdbc.update("update sl_audit_record set hash = ? where chain_pos = 3", hash3);
			jdbc.update("update sl_audit_record set prev_hash = ? where chain_pos = 4", hash3);
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().chainPos()).isEqualTo(LEGACY + 1);
			assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.HASH_MISMATCH);
			assertThat(result.firstBroken().reason()).contains("unkeyed record before it");
		}
		finally {
			jdbc.update("update sl_audit_record set details = ?, hash = ? where chain_pos = 2", two.get("details"),
					two.get("hash"));
			jdbc.update("update sl_audit_record set prev_hash = ?, hash = ? where chain_pos = 3", three.get("prev_hash"),
					three.get("hash"));
			jdbc.update("update sl_audit_record set prev_hash = ? where chain_pos = 4", firstKeyedPrev);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	/** The plain SHA-256 of a record as it is stored now, after the stored previous hash. */
	private String plainHash(long pos) {
		return jdbc.queryForObject("select * from sl_audit_record where chain_pos = ?", (rs, n) -> {
			AuditRecord record = new AuditRecord(rs.getString("id"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), Map.of(), pos, null, null);
			return Canonical.hash(rs.getString("prev_hash"), Canonical.text(record, pos, rs.getString("details")));
		}, pos);
	}

}
