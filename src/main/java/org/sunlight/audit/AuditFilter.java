package org.sunlight.audit;

import java.time.Instant;

/** Which records to list; null fields do not filter. {@code to} is exclusive. */
public record AuditFilter(String actor, AuditAction action, String subjectType, String subjectId, Instant from,
		Instant to) {

	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	public static AuditFilter subject(String subjectType, String subjectId) {
		return new AuditFilter(null, null, subjectType, subjectId, null, null);
	}

}
