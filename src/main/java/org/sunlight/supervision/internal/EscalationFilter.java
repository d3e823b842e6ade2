package org.sunlight.supervision.internal;

import java.util.List;

import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;

/** The filters of the escalation list; null means "any". Values reach SQL only as parameters. */
public record EscalationFilter(Escalation.Status status, EscalationLevel level, Escalation.Scope scope,
		String department, String powerCode, String caseId) {

	String where(List<Object> args) {
		StringBuilder where = new StringBuilder();
		add(where, args, "status", status == null ? null : status.name());
		add(where, args, "level", level == null ? null : level.name());
		add(where, args, "scope", scope == null ? null : scope.name());
		add(where, args, "department", department);
		add(where, args, "power_code", powerCode);
		add(where, args, "case_id", caseId);
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
