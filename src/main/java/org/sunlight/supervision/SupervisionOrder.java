package org.sunlight.supervision;

import java.time.Instant;

/**
 * A supervisor's order (督办) on an escalation: an instruction to the responsible handler with a
 * reply limit. {@code orderCaseId} is the case of the supervision_order process that carries it,
 * {@code taskId} its reply task.
 */
public record SupervisionOrder(String id, String escalationId, String caseId, String orderCaseId, String taskId,
		String instruction, String replyWithin, String issuedBy, Instant issuedAt, Instant deadline) {
}
