package org.sunlight.supervision;

import java.time.Instant;

/**
 * A finding of fault or of a justified delay: a supervisor's on an escalation (one per escalation),
 * or the discipline office's on a substantiated complaint ({@code complaintId}, one per complaint)
 * against a case's step ({@code taskId}), a case, or a department alone ({@code caseId} null).
 */
public record Finding(String id, String escalationId, String caseId, String taskId, String department,
		FindingKind kind, String note, String recordedBy, Instant recordedAt, String complaintId) {
}
