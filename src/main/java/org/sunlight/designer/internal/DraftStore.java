package org.sunlight.designer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.designer.Draft;

/** The {@code sl_designer_draft} table. */
@Repository
public class DraftStore {

	private static final String SUMMARY_COLUMNS = "id, power_code, name, revision, created_by, created_at, updated_by, updated_at";

	private final JdbcTemplate jdbc;

	DraftStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every draft without its XML, the most recently saved first. */
	public List<Draft> summaries() {
		return jdbc.query("select " + SUMMARY_COLUMNS + " from sl_designer_draft order by updated_at desc, id",
				(rs, n) -> row(rs, null));
	}

	public Optional<Draft> find(String id) {
		return jdbc.query("select " + SUMMARY_COLUMNS + ", source_xml from sl_designer_draft where id = ?",
				(rs, n) -> row(rs, rs.getString("source_xml")), id).stream().findFirst();
	}

	public void insert(Draft draft) {
		jdbc.update("insert into sl_designer_draft (id, power_code, name, source_xml, revision, created_by, created_at,"
				+ " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", draft.id(), draft.powerCode(),
				draft.name(), draft.xml(), draft.revision(), draft.createdBy(), draft.createdAt(), draft.updatedBy(),
				draft.updatedAt());
	}

	/** Saves over {@code expectedRevision} only; false when the draft is at another revision (or gone). */
	public boolean update(String id, int expectedRevision, String powerCode, String name, String xml, String by,
			OffsetDateTime at) {
		return jdbc.update("update sl_designer_draft set power_code = ?, name = ?, source_xml = ?,"
				+ " revision = revision + 1, updated_by = ?, updated_at = ? where id = ? and revision = ?", powerCode, name,
				xml, by, at, id, expectedRevision) == 1;
	}

	public boolean delete(String id, int expectedRevision) {
		return jdbc.update("delete from sl_designer_draft where id = ? and revision = ?", id, expectedRevision) == 1;
	}

	private static Draft row(ResultSet rs, String xml) throws SQLException {
		return new Draft(rs.getString("id"), rs.getString("power_code"), rs.getString("name"), rs.getInt("revision"), xml,
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("updated_by"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
