package org.sunlight.notification;

import java.time.Instant;

/** An outbox row as the administrator sees it: where it goes, how often it was tried and why it failed. */
public record Delivery(String id, EventKind kind, String eventKey, String recipient, Channel channel, String address,
		String subject, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
		Instant deliveredAt) {
}
