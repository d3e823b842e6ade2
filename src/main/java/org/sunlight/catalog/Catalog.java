package org.sunlight.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the catalog: the latest version of every power and its steps' four clarities. */
@Service
public class Catalog {

	private final JdbcTemplate jdbc;

	Catalog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<PowerEntry> powers(boolean publicOnly) {
		return jdbc.query("select * from sl_catalog_power" + (publicOnly ? " where is_public = true" : "")
				+ " order by power_code", (rs, n) -> new PowerEntry(rs.getString("power_code"), rs.getString("name"),
						rs.getString("category"), rs.getString("department"), rs.getString("legal_basis"),
						rs.getString("statutory_limit"), rs.getString("promised_limit"), rs.getString("calendar"),
						rs.getBoolean("is_public"), rs.getString("fee"), rs.getInt("latest_version"),
						rs.getString("process_key")));
	}

	public Optional<PowerEntry> power(String code) {
		return jdbc.query("select * from sl_catalog_power where power_code = ?", (rs, n) -> new PowerEntry(
				rs.getString("power_code"), rs.getString("name"), rs.getString("category"), rs.getString("department"),
				rs.getString("legal_basis"), rs.getString("statutory_limit"), rs.getString("promised_limit"),
				rs.getString("calendar"), rs.getBoolean("is_public"), rs.getString("fee"), rs.getInt("latest_version"),
				rs.getString("process_key")), code).stream().findFirst();
	}

	public List<StepEntry> steps(String code) {
		Map<String, List<RiskEntry>> risks = new LinkedHashMap<>();
		jdbc.query("select * from sl_catalog_risk where power_code = ? order by step_id, position", rs -> {
			risks.computeIfAbsent(rs.getString("step_id"), k -> new ArrayList<>())
				.add(new RiskEntry(rs.getString("code"), rs.getInt("level"), rs.getString("description"),
						rs.getString("measure")));
		}, code);
		return jdbc.query("select * from sl_catalog_step where power_code = ? order by position", (rs, n) -> {
			String groups = rs.getString("candidate_groups");
			Integer riskLevel = rs.getObject("risk_level") == null ? null : rs.getInt("risk_level");
			return new StepEntry(rs.getString("step_id"), rs.getString("name"), rs.getString("assignee"),
					groups == null || groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")),
					rs.getString("time_limit"), rs.getString("warn_before"), rs.getString("supervisor"), riskLevel,
					risks.getOrDefault(rs.getString("step_id"), List.of()), rs.getString("unsupervised"));
		}, code);
	}

	/** A power in the catalog, at its latest version. */
	public record PowerEntry(String code, String name, String category, String department, String legalBasis,
			String statutoryLimit, String promisedLimit, String calendar, boolean isPublic, String fee, int version,
			String processKey) {
	}

	/** A step with its four clarities. */
	public record StepEntry(String id, String name, String assignee, List<String> candidateGroups, String timeLimit,
			String warnBefore, String supervisor, Integer riskLevel, List<RiskEntry> risks, String unsupervised) {
	}

	/** A risk point of a step and its control measure. */
	public record RiskEntry(String code, int level, String description, String measure) {
	}

}
