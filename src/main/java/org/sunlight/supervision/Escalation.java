package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;

/**
 * A yellow warning or red alarm on a step ({@code scope} STEP) or a case (CASE), with the snapshot
 * taken when it was raised: power, step, responsible person, supervisor and department.
 * {@code lateness} is set once it is RESOLVED: how far past the deadline the step or case ended
 * (zero or negative when it ended in time, as for a yellow warning).
 */
public record Escalation(String id, EscalationLevel level, Scope scope, Status status, String caseId,
		String caseNumber, String powerCode, String powerName, String department, String taskId, String stepId, String stepName,
		String responsible, String supervisor, Instant raisedAt, Instant deadline, Instant resolvedAt,
		Duration lateness, String acknowledgedBy, Instant acknowledgedAt, String note, String leaders) {

	public enum Scope {
		STEP, CASE
	}

	public enum Status {
		OPEN, ACKNOWLEDGED, RESOLVED
	}

}
