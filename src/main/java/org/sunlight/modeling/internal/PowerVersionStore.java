package org.sunlight.modeling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.modeling.PowerVersion;

/** The {@code sl_power_version} table: one row per deployed version with its source. */
@Repository
public class PowerVersionStore {

	private static final String COLUMNS = "power_code, version, process_key, process_definition_id, deployment_id, source_sha256, deployed_at, deployed_by, approved_by";

	private final JdbcTemplate jdbc;

	PowerVersionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PowerVersion> latest(String powerCode) {
		return jdbc.query("select " + COLUMNS + " from sl_power_version where power_code = ? order by version desc",
				PowerVersionStore::map, powerCode).stream().findFirst();
	}

	public Optional<PowerVersion> find(String powerCode, int version) {
		return jdbc.query("select " + COLUMNS + " from sl_power_version where power_code = ? and version = ?",
				PowerVersionStore::map, powerCode, version).stream().findFirst();
	}

	public Optional<PowerVersion> byDefinition(String processDefinitionId) {
		return jdbc.query("select " + COLUMNS + " from sl_power_version where process_definition_id = ?",
				PowerVersionStore::map, processDefinitionId).stream().findFirst();
	}

	public List<PowerVersion> all(String powerCode) {
		return jdbc.query("select " + COLUMNS + " from sl_power_version where power_code = ? order by version",
				PowerVersionStore::map, powerCode);
	}

	/**
	 * The number the power's next version gets, whether it goes live at once or waits for review:
	 * numbers are shared by live and submitted versions, so none is handed out twice.
	 */
	public int nextVersion(String powerCode) {
		Integer highest = jdbc.queryForObject("""
				select max(version) from (
				  select version from sl_power_version where power_code = ?
				  union all select version from sl_power_submission where power_code = ?) v""", Integer.class,
				powerCode, powerCode);
		return highest == null ? 1 : highest + 1;
	}

	public Optional<String> codeOfProcessKey(String processKey) {
		return jdbc.queryForList("select distinct power_code from sl_power_version where process_key = ?", String.class,
				processKey).stream().findFirst();
	}

	public Optional<String> source(String powerCode, int version) {
		return jdbc.queryForList("select source_xml from sl_power_version where power_code = ? and version = ?",
				String.class, powerCode, version).stream().findFirst();
	}

	public void insert(PowerVersion row, String sourceXml) {
		jdbc.update("insert into sl_power_version (" + COLUMNS + ", source_xml) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row.powerCode(), row.version(), row.processKey(), row.processDefinitionId(), row.deploymentId(), row.sourceSha256(),
				row.deployedAt(), row.deployedBy(), row.approvedBy(), sourceXml);
	}

	private static PowerVersion map(ResultSet rs, int row) throws SQLException {
		return new PowerVersion(rs.getString("power_code"), rs.getInt("version"), rs.getString("process_key"),
				rs.getString("process_definition_id"), rs.getString("deployment_id"), rs.getString("source_sha256"),
				rs.getObject("deployed_at", OffsetDateTime.class), rs.getString("deployed_by"),
				rs.getString("approved_by"));
	}

}
