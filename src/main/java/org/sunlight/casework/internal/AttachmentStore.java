package org.sunlight.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code sl_case_attachment} table. */
@Repository
public class AttachmentStore {

	private final JdbcTemplate jdbc;

	AttachmentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An attachment without its content. */
	public record AttachmentRow(String id, String caseId, String taskId, String stepName, String name,
			String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {
	}

	public void insert(AttachmentRow row, byte[] content) {
		jdbc.update("""
				insert into sl_case_attachment (id, case_id, task_id, step_name, name, content_type, size_bytes, sha256,
				  content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.id(), row.caseId(),
				row.taskId(), row.stepName(), row.name(), row.contentType(), row.size(), row.sha256(), content,
				row.uploadedBy(), Timestamp.from(row.uploadedAt()));
	}

	public List<AttachmentRow> ofCase(String caseId) {
		return jdbc.query("""
				select id, case_id, task_id, step_name, name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from sl_case_attachment where case_id = ? order by uploaded_at, id""", AttachmentStore::map, caseId);
	}

	public Optional<AttachmentRow> find(String caseId, String id) {
		return jdbc.query("""
				select id, case_id, task_id, step_name, name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from sl_case_attachment where case_id = ? and id = ?""", AttachmentStore::map, caseId, id)
			.stream()
			.findFirst();
	}

	public byte[] content(String id) {
		return jdbc.queryForObject("select content from sl_case_attachment where id = ?",
				(rs, row) -> rs.getBytes(1), id);
	}

	private static AttachmentRow map(ResultSet rs, int row) throws SQLException {
		return new AttachmentRow(rs.getString("id"), rs.getString("case_id"), rs.getString("task_id"),
				rs.getString("step_name"), rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

}
