package org.sunlight.stats.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.stats.LampCount;
import org.sunlight.stats.StatRow;
import org.sunlight.supervision.FindingKind;

/**
 * The console's queries over the projections. Lamps are worked out in SQL from the current step
 * and case clocks (which pauses and extensions move) and the open pauses; the supervision
 * module's clock and pause tables are read here, never written.
 */
@Repository
public class StatsStore {

	/** The finding kinds at fault, as an SQL list: {@link FindingKind#atFault()} is the one rule. */
	private static final String AT_FAULT = java.util.Arrays.stream(FindingKind.values())
		.filter(FindingKind::atFault)
		.map(kind -> "'" + kind.name() + "'")
		.collect(java.util.stream.Collectors.joining(", ", "(", ")"));

	private final JdbcTemplate jdbc;

	StatsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Open steps by department and power, limited to {@code departments} (null = all): one scan,
	 * from which the board adds up departments and powers (a power belongs to one department).
	 */
	public List<LampCount> openSteps(Set<String> departments, Instant now) {
		return lamps("""
				from sl_step_run r join sl_step_clock c on c.execution_id = r.execution_id
				left join sl_clock_pause p on p.open_case_id = r.case_id
				where r.ended_at is null""", departments, now);
	}

	public List<LampCount> openCases(Set<String> departments, Instant now) {
		return lamps("""
				from sl_case_run r join sl_case_clock c on c.case_id = r.case_id
				left join sl_clock_pause p on p.open_case_id = r.case_id
				where r.ended_at is null""", departments, now);
	}

	/** Counts keyed {@code department} + TAB + {@code power_code}, named by the power. */
	private List<LampCount> lamps(String from, Set<String> departments, Instant now) {
		List<Object> args = new ArrayList<>();
		Timestamp at = Timestamp.from(now);
		Collections.addAll(args, at, at, at, at);
		String sql = "select r.department as d, r.power_code as k, max(r.power_name) as n,"
				+ " sum(case when p.open_case_id is not null then 1 else 0 end) as paused,"
				+ " sum(case when p.open_case_id is null and c.deadline <= ? then 1 else 0 end) as red,"
				+ " sum(case when p.open_case_id is null and c.deadline > ? and c.warn_at <= ? then 1 else 0 end) as yellow,"
				+ " sum(case when p.open_case_id is null and c.warn_at > ? then 1 else 0 end) as green "
				+ from + within(departments, args) + " group by r.department, r.power_code";
		return jdbc.query(sql, (rs, n) -> new LampCount(rs.getString("d") + "\t" + rs.getString("k"), rs.getString("n"),
				rs.getLong("green"), rs.getLong("yellow"), rs.getLong("red"), rs.getLong("paused")), args.toArray());
	}

	/** Finished steps and cases of a period, grouped by department, assignee or power. */
	public List<StatRow> stats(String groupColumn, Set<String> departments, Instant from, Instant to) {
		if (!Set.of("department", "assignee", "power_code").contains(groupColumn)) {
			throw new IllegalArgumentException("cannot group by " + groupColumn);
		}
		List<Object> args = new ArrayList<>();
		Collections.addAll(args, Timestamp.from(from), Timestamp.from(to));
		String nameColumn = groupColumn.equals("power_code") ? "max(r.power_name)" : "max(r." + groupColumn + ")";
		List<StatRow> steps = jdbc.query("select r." + groupColumn + " as k, " + nameColumn + " as n, count(*) as steps,"
				+ " sum(case when r.overrun then 1 else 0 end) as overruns,"
				+ " sum(case when r.yellow then 1 else 0 end) as yellow,"
				+ " sum(case when r.red then 1 else 0 end) as red,"
				+ " sum(case when r.finding in " + AT_FAULT + " then 1 else 0 end) as faults"
				+ " from sl_step_run r where r.outcome = 'COMPLETED' and r.ended_at >= ? and r.ended_at < ?"
				+ within(departments, args) + " group by r." + groupColumn + " order by r." + groupColumn,
				(rs, n) -> new StatRow(rs.getString("k"), rs.getString("n"), rs.getLong("steps"), rs.getLong("overruns"),
						rs.getLong("yellow"), rs.getLong("red"), rs.getLong("faults"), 0, 0),
				args.toArray());
		if (groupColumn.equals("assignee")) {
			return steps;
		}
		List<Object> caseArgs = new ArrayList<>();
		Collections.addAll(caseArgs, Timestamp.from(from), Timestamp.from(to));
		List<StatRow> cases = jdbc.query("select r." + groupColumn + " as k, " + nameColumn + " as n, count(*) as cases,"
				+ " sum(case when r.on_time then 1 else 0 end) as on_time,"
				+ " sum(case when r.red then 1 else 0 end) as red,"
				+ " sum(case when r.finding in " + AT_FAULT + " then 1 else 0 end) as faults"
				+ " from sl_case_run r where r.ended_at >= ? and r.ended_at < ?" + within(departments, caseArgs)
				+ " group by r." + groupColumn, (rs, n) -> new StatRow(rs.getString("k"), rs.getString("n"), 0, 0, 0,
						rs.getLong("red"), rs.getLong("faults"), rs.getLong("cases"), rs.getLong("on_time")),
				caseArgs.toArray());
		List<StatRow> merged = merge(steps, cases);
		return groupColumn.equals("department") ? addFaults(merged, departmentFindings(departments, from, to)) : merged;
	}

	/**
	 * Faults found against a department alone, without a case (a substantiated complaint about a
	 * power or a department), counted in the period they were recorded.
	 */
	private List<StatRow> departmentFindings(Set<String> departments, Instant from, Instant to) {
		List<Object> args = new ArrayList<>();
		Collections.addAll(args, Timestamp.from(from), Timestamp.from(to));
		return jdbc.query("select r.department as k, count(*) as faults from sl_finding r where r.case_id is null"
				+ " and r.kind in " + AT_FAULT + " and r.recorded_at >= ? and r.recorded_at < ?"
				+ within(departments, args) + " group by r.department",
				(rs, n) -> new StatRow(rs.getString("k"), rs.getString("k"), 0, 0, 0, 0, rs.getLong("faults"), 0, 0),
				args.toArray());
	}

	/** Adds the case figures to the step figures of the same key; keys with only cases are kept. */
	private static List<StatRow> merge(List<StatRow> steps, List<StatRow> cases) {
		List<StatRow> merged = new ArrayList<>();
		for (StatRow s : steps) {
			StatRow c = cases.stream().filter(x -> java.util.Objects.equals(x.key(), s.key())).findFirst().orElse(null);
			merged.add(c == null ? s : new StatRow(s.key(), s.name(), s.steps(), s.overruns(), s.yellow(),
					s.red() + c.red(), s.faults() + c.faults(), c.cases(), c.casesOnTime()));
		}
		for (StatRow c : cases) {
			if (steps.stream().noneMatch(s -> java.util.Objects.equals(s.key(), c.key()))) {
				merged.add(c);
			}
		}
		merged.sort(java.util.Comparator.comparing(r -> r.key() == null ? "" : r.key()));
		return merged;
	}

	/** Adds each extra row's faults to the row of its key, or keeps it as a row of its own. */
	private static List<StatRow> addFaults(List<StatRow> rows, List<StatRow> extra) {
		List<StatRow> sum = new ArrayList<>(rows);
		for (StatRow e : extra) {
			int at = -1;
			for (int i = 0; i < sum.size(); i++) {
				if (java.util.Objects.equals(sum.get(i).key(), e.key())) {
					at = i;
				}
			}
			if (at < 0) {
				sum.add(e);
			}
			else {
				StatRow r = sum.get(at);
				sum.set(at, new StatRow(r.key(), r.name(), r.steps(), r.overruns(), r.yellow(), r.red(),
						r.faults() + e.faults(), r.cases(), r.casesOnTime()));
			}
		}
		sum.sort(java.util.Comparator.comparing(r -> r.key() == null ? "" : r.key()));
		return sum;
	}

	/** One finished run of a step: what the heatmap needs. */
	public record Run(String stepId, String stepName, String timeLimit, long workingSeconds, boolean yellow,
			boolean red) {
	}

	public List<Run> runs(String processDefinitionId, Set<String> departments, Instant from, Instant to) {
		List<Object> args = new ArrayList<>();
		Collections.addAll(args, processDefinitionId, Timestamp.from(from), Timestamp.from(to));
		return jdbc.query("""
				select step_id, step_name, time_limit, working_seconds, yellow, red from sl_step_run r
				where r.process_definition_id = ? and r.outcome = 'COMPLETED' and r.ended_at >= ? and r.ended_at < ?"""
				+ within(departments, args),
				(rs, n) -> new Run(rs.getString("step_id"), rs.getString("step_name"), rs.getString("time_limit"),
						rs.getLong("working_seconds"), rs.getBoolean("yellow"), rs.getBoolean("red")),
				args.toArray());
	}

	/** Open pauses with their case, oldest first. */
	public record OpenPause(String caseId, String caseNumber, String powerCode, String powerName, String department,
			String category, String reason, String by, Instant from, long earlierSeconds, int pauses) {
	}

	public List<OpenPause> openPauses(Set<String> departments) {
		List<Object> args = new ArrayList<>();
		return jdbc.query("""
				select p.case_id, r.case_number, r.power_code, r.power_name, r.department, p.category, p.reason,
				  p.started_by, p.started_at,
				  (select coalesce(sum(e.paused_seconds), 0) from sl_clock_pause e
				    where e.case_id = p.case_id and e.ended_at is not null) as earlier,
				  (select count(*) from sl_clock_pause a where a.case_id = p.case_id) as pauses
				from sl_clock_pause p join sl_case_run r on r.case_id = p.case_id
				where p.open_case_id is not null""" + within(departments, args) + " order by p.started_at",
				(rs, n) -> new OpenPause(rs.getString("case_id"), rs.getString("case_number"), rs.getString("power_code"),
						rs.getString("power_name"), rs.getString("department"), rs.getString("category"),
						rs.getString("reason"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
						rs.getLong("earlier"), rs.getInt("pauses")),
				args.toArray());
	}

	/** {@code and r.department in (...)}, or nothing for every department. */
	private static String within(Set<String> departments, List<Object> args) {
		if (departments == null) {
			return "";
		}
		if (departments.isEmpty()) {
			return " and 1 = 0";
		}
		args.addAll(departments.stream().sorted().toList());
		return " and r.department in (" + String.join(", ", Collections.nCopies(departments.size(), "?")) + ")";
	}

}
