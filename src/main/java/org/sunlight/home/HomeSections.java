package org.sunlight.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.CalendarCoverage;
import org.sunlight.calendar.WorkCalendar;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.casework.CaseViews;
import org.sunlight.casework.InboxPage;
import org.sunlight.casework.Inboxes;
import org.sunlight.casework.OrderViews;
import org.sunlight.designer.Draft;
import org.sunlight.designer.Drafts;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.Roles;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.modeling.PowerReviews;
import org.sunlight.modeling.PowerSubmission;
import org.sunlight.modeling.ReviewStatus;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;
import org.sunlight.supervision.Escalations;
import org.sunlight.supervision.Lamp;
import org.sunlight.system.Paging;

/**
 * Computes each section of {@link Home} for the caller from what the other modules already keep:
 * counts and the first {@link Home#TOP} items, each scoped as the page it links to is.
 */
@Service
class HomeSections {

	/** A due job waiting longer than this means the job executor is not keeping up (or not running). */
	static final Duration BACKLOG_AFTER = Duration.ofMinutes(5);

	/** Checkpoints are signed every few seconds; sealed records left unsigned this long mean they stopped. */
	static final Duration CHECKPOINT_STALE_AFTER = Duration.ofMinutes(10);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final CaseViews views;
	private final OrderViews orders;
	private final Inboxes inboxes;
	private final Escalations escalations;
	private final Organisation organisation;
	private final Drafts drafts;
	private final PowerReviews reviews;
	private final WorkingTime workingTime;
	private final ManagementService management;
	private final AuditTrail audit;
	private final ObjectProvider<FailedDeliveries> deliveries;

	HomeSections(CaseViews views, OrderViews orders, Inboxes inboxes, Escalations escalations,
			Organisation organisation, Drafts drafts, PowerReviews reviews, WorkingTime workingTime,
			ManagementService management, AuditTrail audit, ObjectProvider<FailedDeliveries> deliveries) {
		this.views = views;
		this.orders = orders;
		this.inboxes = inboxes;
		this.escalations = escalations;
		this.organisation = organisation;
		this.drafts = drafts;
		this.reviews = reviews;
		this.workingTime = workingTime;
		this.management = management;
		this.audit = audit;
		this.deliveries = deliveries;
	}

	Home of(Authentication caller) {
		String user = caller.getName();
		List<String> roles = Roles.ALL.stream().filter(role -> Roles.of(caller, role)).toList();
		return new Home(roles, Roles.of(caller, Roles.HANDLER) ? handler(user) : null,
				Roles.of(caller, Roles.SUPERVISOR) ? supervisor(user) : null,
				Roles.of(caller, Roles.LEADER) ? leader(user) : null,
				Roles.of(caller, Roles.DESIGNER) ? designer(user) : null,
				Roles.of(caller, Roles.REVIEWER) ? reviewer(user) : null, Roles.of(caller, Roles.ADMIN) ? admin() : null);
	}

	Home.Handler handler(String user) {
		// Already most urgent first: red, yellow, green, paused, then least working time left.
		List<CaseViews.TaskView> open = views.tasks(CaseViews.Scope.ALL, null, user, false)
			.stream()
			.filter(task -> !task.order())
			.toList();
		long red = open.stream().filter(task -> task.lamp() == Lamp.RED).count();
		long yellow = open.stream().filter(task -> task.lamp() == Lamp.YELLOW).count();
		List<CaseViews.TaskView> urgent = open.stream()
			.filter(task -> task.lamp() == Lamp.RED || task.lamp() == Lamp.YELLOW)
			.limit(Home.TOP)
			.toList();
		List<OrderViews.OrderView> waiting = orders.list(user, false);
		return new Home.Handler(red, yellow, open.size(), urgent, waiting.size(),
				waiting.stream().limit(Home.TOP).toList());
	}

	Home.Supervisor supervisor(String user) {
		SupervisionScope scope = organisation.supervisionScope(user);
		Escalations.Page fresh = escalations.latest(Escalation.Status.OPEN, null, scope, null, Home.TOP);
		InboxPage<OrderViews.OrderView> overdue = orders.overdue(scope, Home.TOP);
		return new Home.Supervisor(fresh.total(), fresh.items().stream().map(this::item).toList(), overdue.total(),
				overdue.items());
	}

	Home.Leader leader(String user) {
		InboxPage<Inboxes.ExtensionItem> pending = inboxes.pendingExtensions(user, new Paging(0, Home.TOP));
		// What they lead, and the red alarms routed to them by risk level (as the console shows them).
		SupervisionScope led = organisation.leadershipScope(user);
		String routedTo = "user:" + user;
		Escalations.Page open = escalations.latest(Escalation.Status.OPEN, EscalationLevel.RED, led, routedTo,
				Home.TOP);
		Escalations.Page seen = escalations.latest(Escalation.Status.ACKNOWLEDGED, EscalationLevel.RED, led, routedTo,
				Home.TOP);
		List<Home.EscalationItem> alarms = Stream.concat(open.items().stream(), seen.items().stream())
			.sorted(Comparator.comparing(Escalation::raisedAt).reversed())
			.limit(Home.TOP)
			.map(this::item)
			.toList();
		return new Home.Leader(pending.total(), pending.items(), open.total() + seen.total(), alarms);
	}

	Home.Designer designer(String user) {
		List<Draft> mine = drafts.list()
			.stream()
			.filter(draft -> user.equals(draft.createdBy()) || user.equals(draft.updatedBy()))
			.toList();
		List<PowerSubmission> waiting = reviews.list(ReviewStatus.IN_REVIEW, user);
		return new Home.Designer(mine.size(),
				mine.stream()
					.limit(Home.TOP)
					.map(d -> new Home.DraftItem(d.id(), d.powerCode(), d.name(), d.revision(), d.updatedAt()))
					.toList(),
				waiting.size(), submissions(waiting.stream().limit(Home.TOP).toList()));
	}

	Home.Reviewer reviewer(String user) {
		// Nobody reviews their own version (docs/designer.md), so those are not in their queue.
		List<PowerSubmission> queue = reviews.list(ReviewStatus.IN_REVIEW, null)
			.stream()
			.filter(s -> !user.equals(s.submittedBy()))
			.toList();
		return new Home.Reviewer(queue.size(), submissions(queue.stream().limit(Home.TOP).toList()));
	}

	Home.Admin admin() {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		WorkCalendar calendar = workingTime.calendar();
		CalendarCoverage coverage = CalendarCoverage.of(calendar.table(), LocalDate.ofInstant(now, calendar.zone()));
		Home.Calendar covered = new Home.Calendar(coverage.currentYear(), coverage.currentYearCovered(),
				coverage.nextYear(), coverage.nextYearCovered(), coverage.nextYearDue(), coverage.warning().isEmpty());

		long due = management.createJobQuery().executable().count();
		Instant oldestDue = management.createJobQuery()
			.executable()
			.orderByJobDuedate()
			.asc()
			.listPage(0, 1)
			.stream()
			.map(Job::getDuedate)
			.filter(java.util.Objects::nonNull)
			.map(java.util.Date::toInstant)
			.findFirst()
			.orElse(null);
		boolean backlogged = backlogged(oldestDue, now);
		long failed = management.createJobQuery().noRetriesLeft().count();
		Home.Jobs jobs = new Home.Jobs(due, at(oldestDue), backlogged, failed, !backlogged && failed == 0);

		AuditTrail.Progress progress = audit.progress();
		Long checkpointPos = progress.checkpoint() == null ? null : progress.checkpoint().chainPos();
		Instant checkpointAt = progress.checkpoint() == null ? null : progress.checkpoint().at();
		boolean stale = stale(progress, now);
		Home.Audit chain = new Home.Audit(progress.sealedTo(), progress.unsealed(), checkpointPos, at(checkpointAt),
				stale, !stale);

		FailedDeliveries failing = deliveries.getIfAvailable();
		Long failedDeliveries = failing == null ? null : failing.count();
		Home.Deliveries delivered = new Home.Deliveries(failing != null, failedDeliveries,
				failedDeliveries == null || failedDeliveries == 0);
		return new Home.Admin(covered, jobs, chain, delivered);
	}

	/**
	 * Sealed records beyond the newest checkpoint (or none at all) for longer than
	 * {@link #CHECKPOINT_STALE_AFTER}: checkpointing has stopped.
	 */
	static boolean stale(AuditTrail.Progress progress, Instant now) {
		long signed = progress.checkpoint() == null ? 0 : progress.checkpoint().chainPos();
		Instant signedAt = progress.checkpoint() == null ? null : progress.checkpoint().at();
		return progress.sealedTo() > signed
				&& (signedAt == null || signedAt.isBefore(now.minus(CHECKPOINT_STALE_AFTER)));
	}

	/** A due job waiting longer than {@link #BACKLOG_AFTER}. */
	static boolean backlogged(Instant oldestDue, Instant now) {
		return oldestDue != null && oldestDue.isBefore(now.minus(BACKLOG_AFTER));
	}

	private Home.EscalationItem item(Escalation e) {
		return new Home.EscalationItem(e.id(), e.level(), e.status(), e.caseId(), e.caseNumber(), e.powerName(),
				e.stepName(), departmentName(e.department()), at(e.raisedAt()), at(e.deadline()));
	}

	private List<Home.SubmissionItem> submissions(List<PowerSubmission> shown) {
		Map<String, String> names = organisation
			.displayNames(shown.stream().map(PowerSubmission::submittedBy).toList());
		List<Home.SubmissionItem> items = new ArrayList<>();
		for (PowerSubmission s : shown) {
			items.add(new Home.SubmissionItem(s.powerCode(), s.version(), s.name(), departmentName(s.department()),
					names.get(s.submittedBy()), s.submittedAt(), s.warnings()));
		}
		return items;
	}

	private String departmentName(String id) {
		return id == null ? null : organisation.department(id).map(OrgChart.Department::name).orElse(id);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
	}

}
