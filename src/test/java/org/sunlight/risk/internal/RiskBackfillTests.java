package org.sunlight.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * Versions deployed before the register existed are taken in at start-up, oldest first, so that
 * the history is the one the versions tell; taking in twice changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RiskBackfillTests {

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RiskProjection projection;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void versionsDeployedBeforeTheRegisterAreTakenInWithTheirHistory() {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String code = "TEST-BACKFILL-" + suffix;
		String model = Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"" + code + "\"")
			.replace("id=\"seal_engraving_permit\"", "id=\"test_backfill_" + suffix + "\"");
		deployment.deploy(model.getBytes(StandardCharsets.UTF_8), "test");
		deployment.deploy(model.replace("code=\"R-SEAL-01\"", "code=\"R-SEAL-09\"").getBytes(StandardCharsets.UTF_8),
				"test");
		forget(code);
		assertThat(points(code)).isEmpty();

		projection.run(null);
		assertThat(points(code)).containsExactly(Map.of("code", "R-SEAL-01", "status", "RETIRED"),
				Map.of("code", "R-SEAL-02", "status", "ACTIVE"), Map.of("code", "R-SEAL-09", "status", "ACTIVE"));
		assertThat(history(code)).containsExactly("R-SEAL-01 ADDED 1", "R-SEAL-02 ADDED 1", "R-SEAL-09 ADDED 2",
				"R-SEAL-01 RETIRED 2");
		assertThat(jdbc.queryForObject("select applied_version from sl_risk_power where power_code = ?", Integer.class,
				code)).isEqualTo(2);

		projection.run(null);
		assertThat(history(code)).hasSize(4);
	}

	/** As if the register had never seen the power. */
	private void forget(String code) {
		jdbc.update("delete from sl_risk_point_history where point_id in (select id from sl_risk_point where power_code = ?)",
				code);
		jdbc.update("delete from sl_risk_point where power_code = ?", code);
		jdbc.update("delete from sl_risk_power where power_code = ?", code);
	}

	private List<Map<String, Object>> points(String code) {
		return jdbc.queryForList("select code, status from sl_risk_point where power_code = ? order by code", code)
			.stream()
			.map(row -> Map.<String, Object>of("code", row.get("CODE") == null ? row.get("code") : row.get("CODE"),
					"status", row.get("STATUS") == null ? row.get("status") : row.get("STATUS")))
			.toList();
	}

	private List<String> history(String code) {
		return jdbc.queryForList("""
				select p.code || ' ' || h.change_kind || ' ' || h.version from sl_risk_point_history h
				join sl_risk_point p on p.id = h.point_id where p.power_code = ? order by h.seq""", String.class, code);
	}

}
