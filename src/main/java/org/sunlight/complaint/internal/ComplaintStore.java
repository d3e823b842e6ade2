package org.sunlight.complaint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code sl_complaint} table: what a complaint is about and who filed it. */
@Repository
public class ComplaintStore {

	private final JdbcTemplate jdbc;

	ComplaintStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A complaint as filed; {@code name} and {@code phone} are null when anonymous or erased. */
	public record ComplaintRow(String id, String caseId, String complaintNumber, String subjectKind,
			String subjectCaseId, String subjectTaskId, String subjectPowerCode, String subjectDepartment, String subjectLabel,
			boolean anonymous, String name, String phone, Instant filedAt, Instant closedAt, Instant erasedAt) {
	}

	public void insert(ComplaintRow row) {
		jdbc.update("""
				insert into sl_complaint (id, case_id, complaint_number, subject_kind, subject_case_id, subject_task_id,
				  subject_power_code, subject_department, subject_label, anonymous, complainant_name, complainant_phone,
				  filed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.id(), row.caseId(), row.complaintNumber(),
				row.subjectKind(), row.subjectCaseId(), row.subjectTaskId(), row.subjectPowerCode(),
				row.subjectDepartment(), row.subjectLabel(), row.anonymous(), row.name(), row.phone(), Timestamp.from(row.filedAt()));
	}

	public Optional<ComplaintRow> byCase(String caseId) {
		return jdbc.query("select * from sl_complaint where case_id = ?", ComplaintStore::map, caseId).stream()
			.findFirst();
	}

	public void closed(String caseId, Instant at) {
		jdbc.update("update sl_complaint set closed_at = ? where case_id = ? and closed_at is null", Timestamp.from(at),
				caseId);
	}

	/** Complaints closed at or before {@code cutoff} whose complainant data is still kept. */
	public List<ComplaintRow> dueForErasure(Instant cutoff) {
		return jdbc.query("select * from sl_complaint where erased_at is null and closed_at <= ? order by closed_at",
				ComplaintStore::map, Timestamp.from(cutoff));
	}

	/** Forgets the name and phone; false when another node already did (the row lock orders them). */
	public boolean erase(String id, Instant at) {
		return jdbc.update("""
				update sl_complaint set complainant_name = null, complainant_phone = null, erased_at = ?
				where id = ? and erased_at is null""", Timestamp.from(at), id) == 1;
	}

	private static ComplaintRow map(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		Timestamp erased = rs.getTimestamp("erased_at");
		return new ComplaintRow(rs.getString("id"), rs.getString("case_id"), rs.getString("complaint_number"),
				rs.getString("subject_kind"), rs.getString("subject_case_id"), rs.getString("subject_task_id"),
				rs.getString("subject_power_code"), rs.getString("subject_department"), rs.getString("subject_label"), rs.getBoolean("anonymous"),
				rs.getString("complainant_name"), rs.getString("complainant_phone"),
				rs.getTimestamp("filed_at").toInstant(), closed == null ? null : closed.toInstant(),
				erased == null ? null : erased.toInstant());
	}

}
