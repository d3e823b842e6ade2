package org.sunlight.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.identity.LeaderKind;
import org.sunlight.identity.OrgChart;

/** The organisation tables ({@code sl_org_*}). */
@Repository
class OrgStore {

	static final String EVERY_DEPARTMENT = "*";

	private final JdbcTemplate jdbc;

	OrgStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record UnitRow(String id, String name, String parentId) {
	}

	List<UnitRow> units() {
		return jdbc.query("select * from sl_org_unit order by id",
				(rs, n) -> new UnitRow(rs.getString("id"), rs.getString("name"), rs.getString("parent_id")));
	}

	Optional<UnitRow> unit(String id) {
		return units().stream().filter(u -> u.id().equals(id)).findFirst();
	}

	void insertUnit(String id, String name, String parentId) {
		jdbc.update("insert into sl_org_unit (id, name, parent_id) values (?, ?, ?)", id, name, parentId);
	}

	void updateUnit(String id, String name, String parentId) {
		jdbc.update("update sl_org_unit set name = ?, parent_id = ? where id = ?", name, parentId, id);
	}

	List<OrgChart.Department> departments() {
		return jdbc.query("select * from sl_org_department order by id", (rs, n) -> new OrgChart.Department(
				rs.getString("id"), rs.getString("unit_id"), rs.getString("name"), rs.getString("head_user")));
	}

	Optional<OrgChart.Department> department(String id) {
		return jdbc.query("select * from sl_org_department where id = ?", (rs, n) -> new OrgChart.Department(
				rs.getString("id"), rs.getString("unit_id"), rs.getString("name"), rs.getString("head_user")), id)
			.stream()
			.findFirst();
	}

	void insertDepartment(OrgChart.Department d) {
		jdbc.update("insert into sl_org_department (id, unit_id, name, head_user) values (?, ?, ?, ?)", d.id(),
				d.unitId(), d.name(), d.headUser());
	}

	void updateDepartment(OrgChart.Department d) {
		jdbc.update("update sl_org_department set unit_id = ?, name = ?, head_user = ? where id = ?", d.unitId(),
				d.name(), d.headUser(), d.id());
	}

	List<OrgChart.Post> posts() {
		return jdbc.query("select * from sl_org_post order by id", (rs, n) -> new OrgChart.Post(rs.getString("id"),
				rs.getString("department_id"), rs.getString("name")));
	}

	boolean postExists(String id) {
		return count("select count(*) from sl_org_post where id = ?", id) > 0;
	}

	void insertPost(OrgChart.Post p) {
		jdbc.update("insert into sl_org_post (id, department_id, name) values (?, ?, ?)", p.id(), p.departmentId(),
				p.name());
	}

	List<String> leaders(String unitId, LeaderKind kind) {
		return jdbc.queryForList("select username from sl_org_leader where unit_id = ? and kind = ? order by username",
				String.class, unitId, kind.name());
	}

	List<String> deputyDepartments(String username) {
		return jdbc.queryForList(
				"select department_id from sl_org_deputy_department where username = ? order by department_id",
				String.class, username);
	}

	/** The deputies of the department's unit who oversee it. */
	List<String> deputiesOf(String departmentId) {
		return jdbc.queryForList("""
				select l.username from sl_org_leader l
				join sl_org_department d on d.unit_id = l.unit_id
				join sl_org_deputy_department dd on dd.username = l.username and dd.department_id = d.id
				where d.id = ? and l.kind = 'DEPUTY' order by l.username""", String.class, departmentId);
	}

	void replaceLeaders(String unitId, String principal, List<OrgChart.Deputy> deputies) {
		for (String deputy : leaders(unitId, LeaderKind.DEPUTY)) {
			jdbc.update("delete from sl_org_deputy_department where username = ?", deputy);
		}
		jdbc.update("delete from sl_org_leader where unit_id = ?", unitId);
		if (principal != null) {
			jdbc.update("insert into sl_org_leader (unit_id, username, kind) values (?, ?, 'PRINCIPAL')", unitId,
					principal);
		}
		for (OrgChart.Deputy deputy : deputies) {
			jdbc.update("insert into sl_org_leader (unit_id, username, kind) values (?, ?, 'DEPUTY')", unitId,
					deputy.username());
			for (String department : deputy.departments()) {
				jdbc.update("insert into sl_org_deputy_department (username, department_id) values (?, ?)",
						deputy.username(), department);
			}
		}
	}

	/** Departments the person heads, oversees as a deputy, or belong to a unit they lead: one query. */
	List<String> ledDepartments(String username) {
		return jdbc.queryForList("""
				select d.id from sl_org_department d where d.head_user = ?
				   or exists (select 1 from sl_org_leader l where l.unit_id = d.unit_id and l.username = ? and l.kind = 'PRINCIPAL')
				   or exists (select 1 from sl_org_deputy_department dd where dd.department_id = d.id and dd.username = ?)""",
				String.class, username, username, username);
	}

	void addDeputyDepartment(String username, String departmentId) {
		jdbc.update("insert into sl_org_deputy_department (username, department_id) values (?, ?)", username,
				departmentId);
	}

	List<String> supervised(String username) {
		return jdbc.queryForList(
				"select department_id from sl_org_supervision where username = ? order by department_id", String.class,
				username);
	}

	/** Who watches the department, or every department. */
	List<String> supervisorsOf(String departmentId) {
		return jdbc.queryForList(
				"select distinct username from sl_org_supervision where department_id = ? or department_id = ? order by username",
				String.class, departmentId, EVERY_DEPARTMENT);
	}

	void replaceSupervision(String username, List<String> departments) {
		jdbc.update("delete from sl_org_supervision where username = ?", username);
		for (String department : departments) {
			jdbc.update("insert into sl_org_supervision (username, department_id) values (?, ?)", username,
					department);
		}
	}

	/** The departments whose powers the designer draws. */
	List<String> drawn(String username) {
		return jdbc.queryForList("select department_id from sl_org_design where username = ? order by department_id",
				String.class, username);
	}

	void replaceDrawn(String username, List<String> departments) {
		jdbc.update("delete from sl_org_design where username = ?", username);
		for (String department : departments) {
			jdbc.update("insert into sl_org_design (username, department_id) values (?, ?)", username, department);
		}
	}

	private int count(String sql, Object... args) {
		Integer count = jdbc.queryForObject(sql, Integer.class, args);
		return count == null ? 0 : count;
	}

}
