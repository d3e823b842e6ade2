package org.sunlight.supervision;

import java.time.Instant;

/** A request to extend a case's limit and its decision; at most one per case. */
public record Extension(String id, String caseId, String amount, String reason, String requestedBy,
		Instant requestedAt, Status status, String decidedBy, Instant decidedAt, String note, Instant oldDeadline,
		Instant newDeadline) {

	public enum Status {
		REQUESTED, APPROVED, REJECTED
	}

}
