package org.sunlight.home;

import java.time.OffsetDateTime;
import java.util.List;

import org.sunlight.casework.CaseViews;
import org.sunlight.casework.Inboxes;
import org.sunlight.casework.OrderViews;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;

/**
 * What needs the caller now: a section for each role they hold ({@code null} for the others), each
 * with counts and the first few items, people and departments by name.
 */
public record Home(List<String> roles, Handler handler, Supervisor supervisor, Leader leader, Designer designer,
		Reviewer reviewer, Admin admin) {

	/** How many items a section lists below its counts. */
	public static final int TOP = 5;

	/** Red, then yellow tasks (the red ones first, least time left first) and orders waiting for a reply. */
	public record Handler(long red, long yellow, long open, List<CaseViews.TaskView> urgent, long orders,
			List<OrderViews.OrderView> newOrders) {
	}

	/** Escalations nobody has acknowledged yet, and orders whose reply is overdue, in the supervised departments. */
	public record Supervisor(long newEscalations, List<EscalationItem> escalations, long overdueOrders,
			List<OrderViews.OrderView> orders) {
	}

	/** Extension requests the leader may decide, and red alarms not yet resolved in what they lead or were sent. */
	public record Leader(long pendingExtensions, List<Inboxes.ExtensionItem> extensions, long redAlarms,
			List<EscalationItem> alarms) {
	}

	/** The designer's drafts and their versions waiting in review. */
	public record Designer(long drafts, List<DraftItem> recentDrafts, long inReview, List<SubmissionItem> submissions) {
	}

	/** Versions waiting for a reviewer other than their author. */
	public record Reviewer(long queue, List<SubmissionItem> submissions) {
	}

	/** The installation's health; {@code deliveries} is the failed notification deliveries' slot. */
	public record Admin(Calendar calendar, Jobs jobs, Audit audit, Deliveries deliveries) {
	}

	/** Whether the holiday table covers this year and, from November, the next. */
	public record Calendar(int currentYear, boolean currentYearCovered, int nextYear, boolean nextYearCovered,
			boolean nextYearDue, boolean ok) {
	}

	/**
	 * The engine's job backlog: jobs due now, the oldest due time among them, and jobs that failed
	 * with no retries left (each an incident). {@code backlogged} when a due job waits over
	 * {@link HomeSections#BACKLOG_AFTER}.
	 */
	public record Jobs(long due, OffsetDateTime oldestDue, boolean backlogged, long failed, boolean ok) {
	}

	/**
	 * The audit chain's progress without recomputing it: how far it is sealed, what waits for its
	 * seal, the newest signed checkpoint; {@code stale} when sealed records stay beyond the newest
	 * checkpoint for longer than {@link HomeSections#CHECKPOINT_STALE_AFTER}, as when the chain no
	 * longer matches and checkpointing refuses (run a verification).
	 */
	public record Audit(long sealedTo, long unsealed, Long checkpointPos, OffsetDateTime checkpointAt, boolean stale,
			boolean ok) {
	}

	/** {@code installed} false until a notification module provides {@link FailedDeliveries}. */
	public record Deliveries(boolean installed, Long failed, boolean ok) {
	}

	public record EscalationItem(String id, EscalationLevel level, Escalation.Status status, String caseId,
			String caseNumber, String powerName, String stepName, String departmentName, OffsetDateTime raisedAt,
			OffsetDateTime deadline) {
	}

	public record DraftItem(String id, String powerCode, String name, int revision, OffsetDateTime updatedAt) {
	}

	public record SubmissionItem(String powerCode, int version, String name, String departmentName,
			String submittedByName, OffsetDateTime submittedAt, int warnings) {
	}

}
