package org.sunlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.internal.AuditKey;
import org.sunlight.audit.internal.AuditStore;
import org.sunlight.audit.internal.Canonical;
import org.sunlight.audit.internal.ChainCheck;
import org.sunlight.audit.internal.Checkpoints;

/**
 * The audit trail: acts leave records in their own transaction, the records are sealed into a
 * chain keyed with a secret outside the database, its head is signed into checkpoints outside it,
 * and the check names the first record changed or removed behind the application's back, also
 * by a database writer who re-hashes the chain. Tampering tests put the rows back, so the chain
 * stays whole for the others; the background sealer and checkpointer are off, so they never sign
 * a tampered state mid-test.
 */
@SpringBootTest(properties = { "sunlight.audit.seal-every=1h", "sunlight.audit.checkpoint-every=1h" })
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AuditStore store;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	AuditKey key;

	@Autowired
	ChainCheck check;

	@Test
	void aCaseStartAndItsClaimLeaveSealedRecordsAndTheChainHolds() throws Exception {
		String started = mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"审计测试\",\"idNumber\":\"110101199001011234\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String caseId = JsonPath.read(started, "$.caseId");

		mvc.perform(get("/api/audit").param("subjectType", "case").param("subjectId", caseId)
			.with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].action").value("CASE_STARTED"))
			.andExpect(jsonPath("$.items[0].actor").value("handler1"))
			.andExpect(jsonPath("$.items[0].details.powerCode").value("XK-LAND-001"))
			// the trail is read widely: no applicant identity number in it
			.andExpect(jsonPath("$.items[0].details.idNumber").doesNotExist())
			.andExpect(jsonPath("$.items[0].hash").isString())
			.andExpect(jsonPath("$.items[0].chainPos").isNumber());

		mvc.perform(get("/api/audit/verify").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.unsealed").value(0));
	}

	@Test
	void eachSealedRecordCarriesThePreviousRecordsHash() {
		recordThree("chain");
		trail.seal();
		List<Map<String, Object>> chain = jdbc.queryForList(
				"select chain_pos, prev_hash, hash from sl_audit_record order by chain_pos");
		assertThat(chain).hasSizeGreaterThanOrEqualTo(3);
		assertThat(chain.get(0).get("prev_hash")).isEqualTo("0".repeat(64));
		for (int i = 1; i < chain.size(); i++) {
			assertThat(chain.get(i).get("prev_hash")).isEqualTo(chain.get(i - 1).get("hash"));
			assertThat(((Number) chain.get(i).get("chain_pos")).longValue()).isEqualTo(i + 1);
		}
	}

	@Test
	void aSealForARecordSealedAlreadyFailsAndChangesNothing() {
		AuditRecord record = trail.record(AuditAction.CLOCK_PAUSED, "handler1", "case", "reseal-1", Map.of());
		trail.seal();
		Map<String, Object> sealed = jdbc.queryForMap("select chain_pos, hash from sl_audit_record where id = ?",
				record.id());
		AuditStore.Seal again = new AuditStore.Seal(record.id(), 999_999, "0".repeat(64), "f".repeat(64));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.seal(List.of(again))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("sealed already");
		assertThat(jdbc.queryForMap("select chain_pos, hash from sl_audit_record where id = ?", record.id()))
			.isEqualTo(sealed);
	}

	@Test
	void verifyNamesTheRecordEditedInTheDatabase() {
		recordThree("edit");
		trail.seal();
		Map<String, Object> victim = jdbc.queryForMap(
				"select id, details from sl_audit_record where subject_id = 'edit-2'");
		jdbc.update("update sl_audit_record set details = ? where id = ?", "{\"reason\":\"改过的理由\"}",
				victim.get("id"));
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().id()).isEqualTo(victim.get("id"));
			assertThat(result.firstBroken().reason()).contains("changed");
		}
		finally {
			jdbc.update("update sl_audit_record set details = ? where id = ?", victim.get("details"), victim.get("id"));
		}
		assertThat(trail.verify().valid()).isTrue();

		// Changing who acted is caught the same way.
		jdbc.update("update sl_audit_record set actor = 'someone-else' where id = ?", victim.get("id"));
		try {
			assertThat(trail.verify().firstBroken().id()).isEqualTo(victim.get("id"));
		}
		finally {
			jdbc.update("update sl_audit_record set actor = 'handler1' where id = ?", victim.get("id"));
		}
	}

	@Test
	void verifyNoticesARecordRemovedFromTheMiddleOrTheEnd() {
		recordThree("remove");
		trail.seal();
		Map<String, Object> middle = jdbc.queryForMap("select * from sl_audit_record where subject_id = 'remove-2'");
		jdbc.update("delete from sl_audit_record where id = ?", middle.get("id"));
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().chainPos()).isEqualTo(((Number) middle.get("chain_pos")).longValue() + 1);
			assertThat(result.firstBroken().reason()).contains("missing");
		}
		finally {
			reinsert(middle);
		}
		assertThat(trail.verify().valid()).isTrue();

		Map<String, Object> last = jdbc.queryForMap(
				"select * from sl_audit_record where chain_pos = (select max(chain_pos) from sl_audit_record)");
		jdbc.update("delete from sl_audit_record where id = ?", last.get("id"));
		try {
			assertThat(trail.verify().valid()).isFalse();
		}
		finally {
			reinsert(last);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void aRecordChangedAndTheChainReHashedWithoutTheKeyIsNamed() {
		recordThree("rechain");
		trail.seal();
		Map<String, Object> victim = jdbc.queryForMap(
				"select id, chain_pos, details from sl_audit_record where subject_id = 'rechain-2'");
		long from = ((Number) victim.get("chain_pos")).longValue();
		List<Map<String, Object>> original = jdbc.queryForList(
				"select id, prev_hash, hash, details from sl_audit_record where chain_pos >= ? order by chain_pos", from);
		Map<String, Object> head = jdbc.queryForMap("select last_pos, last_hash from sl_audit_head");
		jdbc.update("update sl_audit_record set details = ? where id = ?", "{\"reason\":\"改过的理由\"}", victim.get("id"));
		try {
			// The documented unkeyed algorithm, then a key of the attacker's own: neither passes.
			for (Mac forger : new Mac[] { null, new AuditKey(randomBytes()).mac() }) {
				reHash(from, forger);
				AuditTrail.Verification result = trail.verify();
				assertThat(result.valid()).isFalse();
				assertThat(result.firstBroken().id()).isEqualTo(victim.get("id"));
				assertThat(result.firstBroken().chainPos()).isEqualTo(from);
				assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.HASH_MISMATCH);
				assertThat(result.firstBroken().reason()).contains("without the key");
				// and no checkpoint is signed over the forged head
				assertThat(trail.checkpoint()).isEmpty();
			}
		}
		finally {
			for (Map<String, Object> row : original) {
				jdbc.update("update sl_audit_record set prev_hash = ?, hash = ?, details = ? where id = ?",
						row.get("prev_hash"), row.get("hash"), row.get("details"), row.get("id"));
			}
			jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", head.get("last_pos"),
					head.get("last_hash"));
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void rowsDroppedFromTheEndWithTheHeadRewrittenAreCaughtAgainstTheNewestCheckpoint() throws Exception {
		recordThree("drop");
		String answer = mvc.perform(post("/api/audit/checkpoints").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keyId").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long checkpointed = ((Number) JsonPath.read(answer, "$.chainPos")).longValue();
		assertThat(checkpointed).isEqualTo(jdbc.queryForObject("select last_pos from sl_audit_head", Long.class));

		List<Map<String, Object>> dropped = jdbc.queryForList(
				"select * from sl_audit_record where chain_pos > ? order by chain_pos", checkpointed - 2);
		Map<String, Object> head = jdbc.queryForMap("select last_pos, last_hash from sl_audit_head");
		jdbc.update("delete from sl_audit_record where chain_pos > ?", checkpointed - 2);
		jdbc.update("update sl_audit_head set last_pos = ?, last_hash = (select hash from sl_audit_record"
				+ " where chain_pos = ?)", checkpointed - 2, checkpointed - 2);
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.checked()).isEqualTo(checkpointed - 2);
			assertThat(result.firstBroken().id()).isNull();
			assertThat(result.firstBroken().chainPos()).isEqualTo(checkpointed - 1);
			assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.MISSING_TAIL);
			assertThat(result.firstBroken().reason()).contains("checkpoint " + checkpointed);
			assertThat(result.checkpoint().chainPos()).isEqualTo(checkpointed);
			// A checkpoint on demand is refused while the chain is behind the newest one.
			mvc.perform(post("/api/audit/checkpoints").with(httpBasic("admin", "demo")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("/api/audit/verify")));
		}
		finally {
			dropped.forEach(this::reinsert);
			jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", head.get("last_pos"),
					head.get("last_hash"));
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void aCheckpointIsWrittenOncePerPositionAndAForgedOneIsNamed() throws Exception {
		recordThree("checkpoint");
		trail.seal();
		AuditCheckpoint first = trail.checkpoint().orElseThrow();
		assertThat(trail.checkpoint()).contains(first);
		Path file = checkpoints.directory().resolve(String.format("checkpoint-%019d.json", first.chainPos()));
		assertThat(file).exists();
		String signed = Files.readString(file);
		Files.writeString(file, signed.replace(first.hash(), "0".repeat(64)));
		try {
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.CHECKPOINT_UNSIGNED);
			assertThat(result.firstBroken().reason()).contains(file.getFileName().toString());
		}
		finally {
			Files.writeString(file, signed);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void theKeyingPointCannotBeMovedOrDropped() {
		recordThree("keying");
		trail.seal();
		trail.checkpoint().orElseThrow();
		Map<String, Object> keying = jdbc.queryForMap("select keyed_from, keyed_mac from sl_audit_head");
		try {
			// Passing keyed records off as unkeyed ones: the key never signed that position.
			jdbc.update("update sl_audit_head set keyed_from = last_pos + 1");
			AuditTrail.Verification moved = trail.verify();
			assertThat(moved.valid()).isFalse();
			assertThat(moved.firstBroken().kind()).isEqualTo(AuditTrail.Kind.KEYING_POINT);
			assertThat(trail.seal()).isZero();

			// Dropped: the next seal keys the chain again from the head, which the checkpoints contradict.
			jdbc.update("update sl_audit_head set keyed_from = null, keyed_mac = null");
			trail.seal();
			AuditTrail.Verification rekeyed = trail.verify();
			assertThat(rekeyed.valid()).isFalse();
			assertThat(rekeyed.firstBroken().kind()).isEqualTo(AuditTrail.Kind.KEYING_POINT);
			assertThat(rekeyed.firstBroken().reason()).contains("moved");
			assertThat(trail.checkpoint()).isEmpty();
		}
		finally {
			jdbc.update("update sl_audit_head set keyed_from = ?, keyed_mac = ?", keying.get("keyed_from"),
					keying.get("keyed_mac"));
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void aChainThatDivergedFromACheckpointIsNamedAtThatPosition() {
		// As after restoring an older backup: the last record is gone, and a new act takes its place.
		recordThree("restore");
		trail.seal();
		AuditCheckpoint checkpoint = trail.checkpoint().orElseThrow();
		long pos = checkpoint.chainPos();
		Map<String, Object> lost = jdbc.queryForMap("select * from sl_audit_record where chain_pos = ?", pos);
		Map<String, Object> head = jdbc.queryForMap("select last_pos, last_hash from sl_audit_head");
		jdbc.update("delete from sl_audit_record where chain_pos = ?", pos);
		jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", pos - 1, lost.get("prev_hash"));
		AuditRecord later = trail.record(AuditAction.CLOCK_RESUMED, "handler2", "case", "restore-new", Map.of());
		try {
			assertThat(trail.seal()).isEqualTo(1);
			AuditTrail.Verification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBroken().id()).isEqualTo(later.id());
			assertThat(result.firstBroken().chainPos()).isEqualTo(pos);
			assertThat(result.firstBroken().kind()).isEqualTo(AuditTrail.Kind.CHECKPOINT_MISMATCH);
			assertThat(trail.checkpoint()).isEmpty();
		}
		finally {
			jdbc.update("delete from sl_audit_record where id = ?", later.id());
			reinsert(lost);
			jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", head.get("last_pos"),
					head.get("last_hash"));
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void aChainKeyedWhileEmptyIsCheckpointedForwardFromPositionZero(@TempDir Path directory) {
		// The keying checkpoint of an empty chain is at position 0, where no record is: its hash is the genesis.
		trail.seal();
		Map<String, Object> head = jdbc.queryForMap("select last_pos, keyed_from from sl_audit_head");
		Checkpoints fresh = new Checkpoints(directory, key, 10);
		fresh.write(new AuditCheckpoint(0, Canonical.GENESIS, ((Number) head.get("keyed_from")).longValue(),
				Instant.parse("2026-12-01T00:00:00Z"), key.id()));
		AuditTrail node = new AuditTrail(store, key, fresh, check);
		assertThat(node.checkpoint()).map(AuditCheckpoint::chainPos)
			.contains(((Number) head.get("last_pos")).longValue());
	}

	@Test
	void aNodeWithAnotherKeySealsNothing() {
		AuditTrail otherNode = new AuditTrail(store, new AuditKey(randomBytes()), checkpoints, check);
		AuditRecord record = trail.record(AuditAction.CLOCK_RESUMED, "handler1", "case", "other-key", Map.of());
		assertThat(otherNode.seal()).isZero();
		assertThat(jdbc.queryForObject("select hash from sl_audit_record where id = ?", String.class, record.id()))
			.isNull();
		assertThat(trail.seal()).isPositive();
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void onlySupervisorsAndAdministratorsReadTheTrailAndBadFiltersAreRefused() throws Exception {
		mvc.perform(get("/api/audit").with(httpBasic("handler1", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/audit/verify").with(httpBasic("designer", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/audit").param("action", "DELETED_EVERYTHING").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("CASE_STARTED")));
		mvc.perform(get("/api/audit").param("from", "yesterday").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("from")));
		mvc.perform(get("/api/audit").param("size", "100000").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
	}

	private void recordThree(String prefix) {
		transactions.executeWithoutResult(status -> {
			for (int i = 1; i <= 3; i++) {
				trail.record(AuditAction.CLOCK_PAUSED, "handler1", "case", prefix + "-" + i,
						Map.of("category", "SUPPLEMENT", "reason", "补正材料 " + i));
			}
		});
	}

	/** What an attacker with write access does: recompute every hash from a position on, and the head. */
	private void reHash(long from, Mac forger) {
		String prev = jdbc.queryForObject("select prev_hash from sl_audit_record where chain_pos = ?", String.class, from);
		long pos = from - 1;
		for (AuditStore.Stored stored : store.chainFrom(from, 10_000)) {
			pos = stored.record().chainPos();
			String text = Canonical.text(stored.record(), pos, stored.details());
			String hash = forger == null ? Canonical.hash(prev, text) : Canonical.hash(forger, prev, text);
			jdbc.update("update sl_audit_record set prev_hash = ?, hash = ? where id = ?", prev, hash,
					stored.record().id());
			prev = hash;
		}
		jdbc.update("update sl_audit_head set last_pos = ?, last_hash = ?", pos, prev);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[AuditKey.MIN_BYTES];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private void reinsert(Map<String, Object> row) {
		jdbc.update("""
				insert into sl_audit_record (id, recorded_at, actor, action, subject_type, subject_id, details, chain_pos,
				  prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id"), row.get("recorded_at"),
				row.get("actor"), row.get("action"), row.get("subject_type"), row.get("subject_id"), row.get("details"),
				row.get("chain_pos"), row.get("prev_hash"), row.get("hash"));
	}

}
