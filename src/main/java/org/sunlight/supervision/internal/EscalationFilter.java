package org.sunlight.supervision.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;

/**
 * The filters of the escalation list; null means "any". Values reach SQL only as parameters.
 * {@code visibleDepartments} limits the list to what the caller may see (null: everything), and
 * {@code alsoRoutedTo} adds the red alarms routed to that leader ({@code user:name}).
 */
public record EscalationFilter(Escalation.Status status, EscalationLevel level, Escalation.Scope scope,
		String department, String powerCode, String caseId, Set<String> visibleDepartments, String alsoRoutedTo,
		Instant raisedFrom, Instant raisedBefore) {

	public EscalationFilter(Escalation.Status status, EscalationLevel level, Escalation.Scope scope, String department,
			String powerCode, String caseId) {
		this(status, level, scope, department, powerCode, caseId, null, null);
	}

	public EscalationFilter(Escalation.Status status, EscalationLevel level, Escalation.Scope scope, String department,
			String powerCode, String caseId, Set<String> visibleDepartments, String alsoRoutedTo) {
		this(status, level, scope, department, powerCode, caseId, visibleDepartments, alsoRoutedTo, null, null);
	}

	String where(List<Object> args) {
		StringBuilder where = new StringBuilder();
		add(where, args, "status", status == null ? null : status.name());
		add(where, args, "level", level == null ? null : level.name());
		add(where, args, "scope", scope == null ? null : scope.name());
		add(where, args, "department", department);
		add(where, args, "power_code", powerCode);
		add(where, args, "case_id", caseId);
		if (raisedFrom != null) {
			where.append(where.isEmpty() ? " where " : " and ").append("raised_at >= ?");
			args.add(java.sql.Timestamp.from(raisedFrom));
		}
		if (raisedBefore != null) {
			where.append(where.isEmpty() ? " where " : " and ").append("raised_at < ?");
			args.add(java.sql.Timestamp.from(raisedBefore));
		}
		if (visibleDepartments != null) {
			List<String> terms = new java.util.ArrayList<>();
			if (!visibleDepartments.isEmpty()) {
				terms.add("department in (" + String.join(", ", java.util.Collections.nCopies(visibleDepartments.size(), "?"))
						+ ")");
				args.addAll(visibleDepartments.stream().sorted().toList());
			}
			if (alsoRoutedTo != null) {
				// Leaders are stored comma-separated; the commas around keep user:a from matching user:ab.
				terms.add("(',' || leaders || ',') like ?");
				args.add("%," + alsoRoutedTo.replace("%", "").replace("_", "\\_") + ",%");
			}
			where.append(where.isEmpty() ? " where " : " and ")
				.append(terms.isEmpty() ? "1 = 0" : "(" + String.join(" or ", terms) + ")");
		}
		return where.toString();
	}

	private static void add(StringBuilder where, List<Object> args, String column, Object value) {
		if (value == null) {
			return;
		}
		where.append(where.isEmpty() ? " where " : " and ").append(column).append(" = ?");
		args.add(value);
	}

}
