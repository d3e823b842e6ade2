package org.sunlight.supervision;

import java.time.Instant;

/** A supervisor's finding on an escalation; one per escalation. */
public record Finding(String id, String escalationId, String caseId, String taskId, String department,
		FindingKind kind, String note, String recordedBy, Instant recordedAt) {
}
