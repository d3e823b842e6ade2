package org.sunlight.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.risk.RiskFilter;
import org.sunlight.risk.RiskStatus;

/** The register's tables: {@code sl_risk_power}, {@code sl_risk_point} and its history. */
@Repository
class RiskStore {

	private static final String POINT_COLUMNS = """
			id, power_code, point_key, code, power_name, department, step_id, step_name, step_position,
			risk_position, posts, level, description, measure, status, first_version, last_version, retired_version,
			reviewed_at, reviewed_by""";

	private final JdbcTemplate jdbc;

	RiskStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A point as a version of its power states it: what the register compares and stores. */
	record Drawn(String key, String code, String powerName, String department, String stepId, String stepName,
			int stepPosition, int riskPosition, String posts, int level, String description, String measure) {

		/** Whether the point itself changed (not merely its place in the model or its power's name). */
		boolean differsFrom(Row row) {
			return level != row.level() || !Objects.equals(description, row.description())
					|| !Objects.equals(measure, row.measure()) || !Objects.equals(stepId, row.stepId())
					|| !Objects.equals(stepName, row.stepName()) || !Objects.equals(posts, row.posts())
					|| !Objects.equals(department, row.department());
		}

	}

	/** A stored point. */
	record Row(long id, String powerCode, String key, String code, String powerName, String department,
			String stepId, String stepName, int stepPosition, int riskPosition, String posts, int level,
			String description, String measure, RiskStatus status, int firstVersion, int lastVersion,
			Integer retiredVersion, OffsetDateTime reviewedAt, String reviewedBy) {
	}

	/** A history entry of a point. */
	record HistoryRow(long pointId, int version, String change, int level, String stepId, String stepName,
			String posts, String description, String measure, OffsetDateTime at) {
	}

	/**
	 * The version of the power the register last took in, its row locked until the transaction
	 * ends; empty for a power it has never seen.
	 */
	Optional<Integer> lockAppliedVersion(String powerCode) {
		return jdbc.queryForList("select applied_version from sl_risk_power where power_code = ? for update",
				Integer.class, powerCode).stream().findFirst();
	}

	void markApplied(String powerCode, int version, boolean known, OffsetDateTime at) {
		if (known) {
			jdbc.update("update sl_risk_power set applied_version = ?, applied_at = ? where power_code = ?", version, at,
					powerCode);
		}
		else {
			jdbc.update("insert into sl_risk_power (power_code, applied_version, applied_at) values (?, ?, ?)", powerCode,
					version, at);
		}
	}

	/** Every power the register has taken in, with the version. */
	Map<String, Integer> appliedVersions() {
		Map<String, Integer> applied = new LinkedHashMap<>();
		jdbc.query("select power_code, applied_version from sl_risk_power",
				(ResultSet rs) -> {
					applied.put(rs.getString(1), rs.getInt(2));
				});
		return applied;
	}

	Map<String, Row> pointsOf(String powerCode) {
		Map<String, Row> points = new LinkedHashMap<>();
		jdbc.query("select " + POINT_COLUMNS + " from sl_risk_point where power_code = ?", RiskStore::row, powerCode)
			.forEach(row -> points.put(row.key(), row));
		return points;
	}

	long insert(String powerCode, Drawn point, int version, OffsetDateTime at, String reviewedBy) {
		jdbc.update("""
				insert into sl_risk_point (power_code, point_key, code, power_name, department, step_id, step_name,
				  step_position, risk_position, posts, level, description, measure, status, first_version, last_version,
				  reviewed_at, reviewed_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", powerCode, point.key(), point.code(),
				point.powerName(), point.department(), point.stepId(), point.stepName(), point.stepPosition(),
				point.riskPosition(), point.posts(), point.level(), point.description(), point.measure(),
				RiskStatus.ACTIVE.name(), version, version, at, reviewedBy, at);
		return jdbc.queryForObject("select id from sl_risk_point where power_code = ? and point_key = ?", Long.class,
				powerCode, point.key());
	}

	/** The point as {@code version} states it: active again if it was retired. */
	void update(long id, Drawn point, int version, OffsetDateTime at, String reviewedBy) {
		jdbc.update("""
				update sl_risk_point set code = ?, power_name = ?, department = ?, step_id = ?, step_name = ?,
				  step_position = ?, risk_position = ?, posts = ?, level = ?, description = ?, measure = ?, status = ?,
				  last_version = ?, retired_version = null, reviewed_at = ?, reviewed_by = ?, updated_at = ?
				where id = ?""", point.code(), point.powerName(), point.department(), point.stepId(), point.stepName(),
				point.stepPosition(), point.riskPosition(), point.posts(), point.level(), point.description(),
				point.measure(), RiskStatus.ACTIVE.name(), version, at, reviewedBy, at, id);
	}

	void retire(long id, int version, OffsetDateTime at) {
		jdbc.update("update sl_risk_point set status = ?, retired_version = ?, updated_at = ? where id = ?",
				RiskStatus.RETIRED.name(), version, at, id);
	}

	void history(long pointId, int version, String change, Drawn point, OffsetDateTime at) {
		jdbc.update("""
				insert into sl_risk_point_history (point_id, version, change_kind, level, step_id, step_name, posts,
				  description, measure, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pointId, version, change, point.level(), point.stepId(),
				point.stepName(), point.posts(), point.description(), point.measure(), at);
	}

	/** The points a filter selects, ordered by department, power, step and place in the step. */
	List<Row> find(RiskFilter filter) {
		StringBuilder sql = new StringBuilder("select " + POINT_COLUMNS + " from sl_risk_point where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (filter.departments() != null) {
			if (filter.departments().isEmpty()) {
				return List.of();
			}
			sql.append(" and department in (")
				.append(String.join(", ", java.util.Collections.nCopies(filter.departments().size(), "?")))
				.append(')');
			args.addAll(filter.departments().stream().sorted().toList());
		}
		if (filter.level() != null) {
			sql.append(" and level = ?");
			args.add(filter.level());
		}
		if (filter.status() != null) {
			sql.append(" and status = ?");
			args.add(filter.status().name());
		}
		if (filter.powerCode() != null) {
			sql.append(" and power_code = ?");
			args.add(filter.powerCode());
		}
		if (filter.text() != null) {
			// The text is a literal: % and _ typed by someone match themselves.
			String like = "%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%";
			sql.append(" and (");
			List<String> columns = List.of("code", "power_code", "power_name", "step_name", "description", "measure");
			for (int i = 0; i < columns.size(); i++) {
				sql.append(i == 0 ? "" : " or ").append("lower(").append(columns.get(i)).append(") like ? escape '\\'");
				args.add(like);
			}
			sql.append(')');
		}
		sql.append(" order by department, power_code, step_position, risk_position, id");
		return jdbc.query(sql.toString(), RiskStore::row, args.toArray());
	}

	/** The history of these points, oldest first, by point. */
	Map<Long, List<HistoryRow>> historyOf(List<Long> pointIds) {
		Map<Long, List<HistoryRow>> history = new LinkedHashMap<>();
		// In slices, so that no statement carries thousands of parameters.
		for (int from = 0; from < pointIds.size(); from += 500) {
			List<Long> slice = pointIds.subList(from, Math.min(pointIds.size(), from + 500));
			jdbc.query("select point_id, version, change_kind, level, step_id, step_name, posts, description, measure,"
					+ " changed_at from sl_risk_point_history where point_id in ("
					+ String.join(", ", java.util.Collections.nCopies(slice.size(), "?")) + ") order by seq",
					(ResultSet rs) -> {
						HistoryRow row = new HistoryRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
								rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
								rs.getObject(10, OffsetDateTime.class));
						history.computeIfAbsent(row.pointId(), id -> new ArrayList<>()).add(row);
					}, slice.toArray());
		}
		return history;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Integer retired = rs.getObject("retired_version") == null ? null : rs.getInt("retired_version");
		return new Row(rs.getLong("id"), rs.getString("power_code"), rs.getString("point_key"), rs.getString("code"),
				rs.getString("power_name"), rs.getString("department"), rs.getString("step_id"), rs.getString("step_name"),
				rs.getInt("step_position"), rs.getInt("risk_position"), rs.getString("posts"), rs.getInt("level"),
				rs.getString("description"), rs.getString("measure"), RiskStatus.valueOf(rs.getString("status")),
				rs.getInt("first_version"), rs.getInt("last_version"), retired,
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("reviewed_by"));
	}

}
