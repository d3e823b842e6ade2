package org.sunlight.audit;

/** What the trail records; the names are the stable values of the {@code action} column. */
public enum AuditAction {

	POWER_DEPLOYED, POWER_SUBMITTED, POWER_APPROVED, POWER_REJECTED,
	CASE_STARTED, TASK_CLAIMED, TASK_UNCLAIMED, TASK_COMPLETED, TASK_REASSIGNED, CLOCK_PAUSED,
	CLOCK_RESUMED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, ESCALATION_RAISED,
	ESCALATION_ACKNOWLEDGED, ESCALATION_RESOLVED, SUPERVISION_ORDER_ISSUED, FINDING_RECORDED, ORGANISATION_CHANGED, CALENDAR_CHANGED,
	SIGN_IN_FAILED, ACCOUNT_LOCKED,
	/** An administrator sent a failed notification delivery again. */
	NOTIFICATION_RETRIED,
	/** A public progress lookup by case number and query code (the code itself is never recorded). */
	PUBLIC_CASE_LOOKUP,
	/** A complaint filed on the portal (never the complainant's name, phone or text). */
	COMPLAINT_FILED,
	/** A complainant's lookup by complaint number and query code (the code itself is never recorded). */
	PUBLIC_COMPLAINT_LOOKUP,
	/** A closed complaint's complainant name and phone erased at the end of their retention. */
	COMPLAINT_DATA_ERASED;

}
