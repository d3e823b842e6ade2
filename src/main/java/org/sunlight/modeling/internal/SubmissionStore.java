package org.sunlight.modeling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.modeling.PowerSubmission;
import org.sunlight.modeling.ReviewStatus;

/** The {@code sl_power_submission} table: versions submitted for review, with their source. */
@Repository
public class SubmissionStore {

	private static final String COLUMNS = "power_code, version, process_key, name, department, warnings, status, "
			+ "submitted_by, submitted_at, reviewed_by, reviewed_at, review_note";

	private final JdbcTemplate jdbc;

	SubmissionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(PowerSubmission row, String sourceSha256, String sourceXml) {
		jdbc.update("insert into sl_power_submission (" + COLUMNS
				+ ", source_sha256, source_xml) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.powerCode(),
				row.version(), row.processKey(), row.name(), row.department(), row.warnings(), row.status().name(),
				row.submittedBy(), row.submittedAt(), row.reviewedBy(), row.reviewedAt(), row.note(), sourceSha256,
				sourceXml);
	}

	public Optional<PowerSubmission> find(String powerCode, int version) {
		return jdbc.query("select " + COLUMNS + " from sl_power_submission where power_code = ? and version = ?",
				SubmissionStore::map, powerCode, version).stream().findFirst();
	}

	public Optional<String> source(String powerCode, int version) {
		return jdbc.queryForList("select source_xml from sl_power_submission where power_code = ? and version = ?",
				String.class, powerCode, version).stream().findFirst();
	}

	/** Newest first; either filter may be null. */
	public List<PowerSubmission> list(ReviewStatus status, String submittedBy) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from sl_power_submission where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (status != null) {
			sql.append(" and status = ?");
			args.add(status.name());
		}
		if (submittedBy != null) {
			sql.append(" and submitted_by = ?");
			args.add(submittedBy);
		}
		sql.append(" order by submitted_at desc, power_code, version desc");
		return jdbc.query(sql.toString(), SubmissionStore::map, args.toArray());
	}

	/** Moves one version out of review; false when it was no longer in review (someone else decided). */
	public boolean decide(String powerCode, int version, ReviewStatus outcome, String by, OffsetDateTime at,
			String note) {
		return jdbc.update("""
				update sl_power_submission set status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
				where power_code = ? and version = ? and status = 'IN_REVIEW'""", outcome.name(), by, at, note,
				powerCode, version) == 1;
	}

	/** Versions still in review below one that went live can never go live: they are superseded. */
	public List<Integer> supersede(String powerCode, int liveVersion, OffsetDateTime at) {
		List<Integer> waiting = jdbc.queryForList(
				"select version from sl_power_submission where power_code = ? and version < ? and status = 'IN_REVIEW'",
				Integer.class, powerCode, liveVersion);
		jdbc.update("""
				update sl_power_submission set status = 'SUPERSEDED', reviewed_at = ?
				where power_code = ? and version < ? and status = 'IN_REVIEW'""", at, powerCode, liveVersion);
		return waiting;
	}

	private static PowerSubmission map(ResultSet rs, int row) throws SQLException {
		return new PowerSubmission(rs.getString("power_code"), rs.getInt("version"), rs.getString("process_key"),
				rs.getString("name"), rs.getString("department"), rs.getInt("warnings"),
				ReviewStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_note"));
	}

}
