package org.sunlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.internal.AuditStore;

/**
 * The audit trail: acts leave records in their own transaction, the records are sealed into a
 * SHA-256 chain, and the check names the first record changed or removed behind the
 * application's back. Tampering tests put the row back, so the chain stays whole for the others.
 */
@SpringBootTest(properties = "sunlight.audit.seal-every=1h")
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

	private void reinsert(Map<String, Object> row) {
		jdbc.update("""
				insert into sl_audit_record (id, recorded_at, actor, action, subject_type, subject_id, details, chain_pos,
				  prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("id"), row.get("recorded_at"),
				row.get("actor"), row.get("action"), row.get("subject_type"), row.get("subject_id"), row.get("details"),
				row.get("chain_pos"), row.get("prev_hash"), row.get("hash"));
	}

}
