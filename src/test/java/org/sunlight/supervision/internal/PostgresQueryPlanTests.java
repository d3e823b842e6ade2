package org.sunlight.supervision.internal;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.audit.internal.AuditStore;
import org.sunlight.support.PostgresDatabase;

/**
 * The plans PostgreSQL keeps for the statements every due timer and every seal runs. The JDBC
 * driver prepares a statement on the server after five runs, and from then on PostgreSQL may
 * reuse one generic plan for as long as the connection lives, made with the statistics of that
 * moment: on a new installation, empty tables; on this machine, with autovacuum off, no
 * statistics at all. Each of these plans must find its row through the right index whatever the
 * tables held when it was made (docs/benchmarks.md, session 4: the escalation insert's plan made
 * on an empty table scanned every escalation of the level, and the seal walked every unsealed
 * record, so both slowed as the tables grew).
 */
@PostgresTest
@SpringBootTest
@DirtiesContext
class PostgresQueryPlanTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_plans");
	}

	/** An index lookup of the escalation's unique key by subject (and level), not by level alone. */
	private static final String KEY_LOOKUP = "Scan using uq_sl_escalation_subject_level on sl_escalation e[^\\n]*\\n"
			+ "\\s+Index Cond: \\(\\(\\(?subject_key\\)?(::text)? = ";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void aDueTimerLooksUpTheEscalationKeyEvenInAGenericPlanMadeOnEmptyTables() {
		assertThat(jdbc.queryForObject("select count(*) from sl_escalation", Long.class)).isZero();
		// the bean is a proxy (a repository's exception translation); its statements are made here
		EscalationStore escalations = new EscalationStore(jdbc);
		for (String sql : List.of(escalations.raiseStepYellow, escalations.raiseStepRed)) {
			String plan = genericPlan(sql);
			assertThat(plan).as(plan)
				.doesNotContain("Seq Scan on sl_escalation")
				.containsPattern(KEY_LOOKUP + "\\(?t\\.id_");
		}
		for (String sql : List.of(escalations.raiseCaseYellow, escalations.raiseCaseRed)) {
			String plan = genericPlan(sql);
			assertThat(plan).as(plan)
				.doesNotContain("Seq Scan on sl_escalation")
				.containsPattern(KEY_LOOKUP);
		}
	}

	@Test
	void theSealFindsItsRecordByIdOnceStatisticsSayEveryRecordIsSealed() {
		for (int i = 0; i < 50; i++) {
			audit.record(AuditAction.ESCALATION_RAISED, "system", "escalation", "plan-" + i, Map.of("level", "RED"));
		}
		while (audit.seal() > 0) {
			// all of them
		}
		jdbc.execute("analyze sl_audit_record");
		String plan = genericPlan(AuditStore.SEAL);
		assertThat(plan).as(plan).contains("sl_audit_record_pkey").doesNotContain("uq_sl_audit_chain_pos");
	}

	@Test
	void completingATaskLooksUpItsSubtasksThroughTheParentIndex() {
		// Camunda's selectTasksByParentTaskId, which its schema leaves to a scan of every open task
		String plan = genericPlan("select * from act_ru_task where parent_task_id_ = ?");
		assertThat(plan).as(plan).doesNotContain("Seq Scan on act_ru_task").contains("ix_sl_act_ru_task_parent");
	}

	/**
	 * The generic plan of a statement written with JDBC's {@code ?} placeholders (none of these
	 * statements has a {@code ?} inside a literal), as PostgreSQL would cache it.
	 */
	private String genericPlan(String sql) {
		StringBuilder numbered = new StringBuilder();
		int parameters = 0;
		for (char c : sql.toCharArray()) {
			if (c == '?') {
				numbered.append('$').append(++parameters);
			}
			else {
				numbered.append(c);
			}
		}
		List<String> nulls = new ArrayList<>();
		for (int i = 0; i < parameters; i++) {
			nulls.add("null");
		}
		String arguments = String.join(", ", nulls);
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set plan_cache_mode = force_generic_plan");
				statement.execute("prepare plan_check as " + numbered);
				StringBuilder plan = new StringBuilder();
				try (ResultSet rs = statement.executeQuery("explain execute plan_check(" + arguments + ")")) {
					while (rs.next()) {
						plan.append(rs.getString(1)).append('\n');
					}
				}
				finally {
					statement.execute("deallocate plan_check");
					statement.execute("reset plan_cache_mode");
				}
				return plan.toString();
			}
		});
	}

}
