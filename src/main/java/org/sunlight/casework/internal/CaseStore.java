package org.sunlight.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code sl_case} table and the case-number sequence. */
@Repository
public class CaseStore {

	private final JdbcTemplate jdbc;

	CaseStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A case as its starter recorded it. */
	public record CaseRow(String caseId, String caseNumber, String queryCode, String powerCode, int powerVersion,
			String title, String applicantName, String applicantIdNumber, String applicantPhone, String startedBy,
			Instant startedAt) {
	}

	/**
	 * The next number of a power in a year. The update's row lock makes concurrent starts, on any
	 * node, take turns. The first case of a year creates the row; two first cases at once clash on
	 * its key and one is refused with 409, to be repeated.
	 */
	public long nextNumber(String powerCode, int year) {
		Integer rows = jdbc.queryForObject(
				"select count(*) from sl_case_sequence where power_code = ? and seq_year = ?", Integer.class, powerCode,
				year);
		if (rows == null || rows == 0) {
			jdbc.update("insert into sl_case_sequence (power_code, seq_year, last_value) values (?, ?, 0)", powerCode,
					year);
		}
		jdbc.update("update sl_case_sequence set last_value = last_value + 1 where power_code = ? and seq_year = ?",
				powerCode, year);
		return jdbc.queryForObject("select last_value from sl_case_sequence where power_code = ? and seq_year = ?",
				Long.class, powerCode, year);
	}

	public void insert(CaseRow row) {
		jdbc.update("""
				insert into sl_case (case_id, case_number, query_code, power_code, power_version, title, applicant_name,
				  applicant_id_number, applicant_phone, started_by, started_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.caseId(), row.caseNumber(), row.queryCode(),
				row.powerCode(), row.powerVersion(), row.title(), row.applicantName(), row.applicantIdNumber(),
				row.applicantPhone(), row.startedBy(), Timestamp.from(row.startedAt()));
	}

	/** The applicant's name becomes {@code label}; the ID number and phone are forgotten. */
	public void eraseApplicant(String caseId, String label) {
		jdbc.update("update sl_case set applicant_name = ?, applicant_id_number = null, applicant_phone = null where case_id = ?",
				label, caseId);
	}

	public Optional<CaseRow> find(String caseId) {
		return jdbc.query("select * from sl_case where case_id = ?", CaseStore::map, caseId).stream().findFirst();
	}

	public Optional<CaseRow> findByNumber(String caseNumber) {
		return jdbc.query("select * from sl_case where case_number = ?", CaseStore::map, caseNumber).stream()
			.findFirst();
	}

	public List<CaseRow> findAll(Collection<String> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(",", Collections.nCopies(caseIds.size(), "?"));
		return jdbc.query("select * from sl_case where case_id in (" + marks + ")", CaseStore::map, caseIds.toArray());
	}

	private static CaseRow map(ResultSet rs, int row) throws SQLException {
		return new CaseRow(rs.getString("case_id"), rs.getString("case_number"), rs.getString("query_code"),
				rs.getString("power_code"), rs.getInt("power_version"), rs.getString("title"),
				rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_phone"),
				rs.getString("started_by"), rs.getTimestamp("started_at").toInstant());
	}

}
