package org.sunlight.notification;

import java.time.Instant;

/** One message in a person's notification centre. */
public record Notification(String id, EventKind kind, String subject, String body, String link, Instant createdAt,
		Instant readAt) {
}
