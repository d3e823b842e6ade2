package org.sunlight.notification;

/** What a notification is about; the names are the stable values of {@code event_kind} and of preferences. */
public enum EventKind {

	ESCALATION_RAISED, ESCALATION_RESOLVED, ORDER_ISSUED, ORDER_OVERDUE, EXTENSION_REQUESTED, EXTENSION_DECIDED,
	REVIEW_REQUESTED, REVIEW_DECIDED, CALENDAR_RUNNING_OUT, COMPLAINT_FILED,
	/** The daily digest for supervisors and leaders, by mail. */
	DIGEST

}
