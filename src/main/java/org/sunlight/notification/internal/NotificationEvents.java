package org.sunlight.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.calendar.CalendarRunningOut;
import org.sunlight.complaint.ComplaintFiled;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.Roles;
import org.sunlight.modeling.PowerSubmission;
import org.sunlight.modeling.ReviewDecided;
import org.sunlight.modeling.ReviewRequested;
import org.sunlight.modeling.ReviewStatus;
import org.sunlight.notification.EventKind;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;
import org.sunlight.supervision.EscalationRaised;
import org.sunlight.supervision.EscalationResolved;
import org.sunlight.supervision.Extension;
import org.sunlight.supervision.ExtensionDecided;
import org.sunlight.supervision.ExtensionRequested;
import org.sunlight.supervision.OrderIssued;
import org.sunlight.supervision.SupervisionOrder;
import org.sunlight.supervision.SupervisionOrders;

/**
 * Hears the events that should reach a person, synchronously in their transactions (a plain
 * {@code @EventListener}, not after commit: the messages commit or roll back with the event),
 * decides who they reach from the organisation and writes the messages, in Chinese, to the outbox.
 */
@Component
class NotificationEvents {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Outbox.ZONE);

	private final Outbox outbox;
	private final Organisation organisation;
	private final SupervisionOrders orders;
	private final RuntimeService runtime;

	NotificationEvents(Outbox outbox, Organisation organisation, SupervisionOrders orders, RuntimeService runtime) {
		this.outbox = outbox;
		this.organisation = organisation;
		this.orders = orders;
		this.runtime = runtime;
	}

	/** In the timer job's transaction: rows only. An ignored order's own red alarm is the order being overdue. */
	@EventListener
	void on(EscalationRaised event) {
		Escalation e = event.escalation();
		boolean order = SupervisionOrders.ORDER_POWER.equals(e.powerCode());
		List<String> people = new ArrayList<>(organisation.supervisorsOf(e.department()));
		people.addAll(organisation.people(e.supervisor()));
		people.addAll(organisation.people(e.responsible()));
		people.addAll(organisation.people(e.leaders()));
		String lamp = e.level() == EscalationLevel.RED ? "红牌告警" : "黄牌预警";
		String where = e.stepName() == null ? "案件办理时限" : "环节「" + e.stepName() + "」";
		if (order && e.level() == EscalationLevel.RED) {
			SupervisionOrder issued = orders.ofOrderCase(e.caseId()).orElse(null);
			if (issued != null) {
				people.add(issued.issuedBy());
			}
			outbox.write(EventKind.ORDER_OVERDUE, e.id(), people, e.department(), new Outbox.Text(
					"督办逾期：督办件 " + e.caseNumber() + " 未在期限内答复",
					"督办件 " + e.caseNumber() + " 的答复已超过期限（" + time(e.deadline()) + "）。"
							+ (issued == null ? "" : "督办要求：" + issued.instruction()),
					"/console/cases/" + (issued == null ? e.caseId() : issued.caseId())));
			return;
		}
		outbox.write(EventKind.ESCALATION_RAISED, e.id(), people, e.department(), new Outbox.Text(
				lamp + "：" + e.powerName() + " 案件 " + e.caseNumber(),
				"「" + e.powerName() + "」案件 " + e.caseNumber() + " 的" + where
						+ (e.level() == EscalationLevel.RED ? "已超过期限" : "即将到期") + "，期限 " + time(e.deadline())
						+ "，承办部门 " + departmentName(e.department()) + "。",
				"/console/cases/" + e.caseId()));
	}

	@EventListener
	void on(EscalationResolved event) {
		Escalation e = event.escalation();
		List<String> people = new ArrayList<>(organisation.supervisorsOf(e.department()));
		people.addAll(organisation.people(e.supervisor()));
		String late = e.lateness() == null || e.lateness().isNegative() || e.lateness().isZero() ? "按期办结"
				: "超期 " + Math.max(1, e.lateness().toHours()) + " 小时后办结";
		outbox.write(EventKind.ESCALATION_RESOLVED, e.id(), people, e.department(), new Outbox.Text(
				"预警已解除：" + e.powerName() + " 案件 " + e.caseNumber(),
				"「" + e.powerName() + "」案件 " + e.caseNumber() + " 的"
						+ (e.level() == EscalationLevel.RED ? "红牌告警" : "黄牌预警") + "已解除（" + late + "）。",
				"/console/cases/" + e.caseId()));
	}

	@EventListener
	void on(OrderIssued event) {
		SupervisionOrder o = event.order();
		List<String> people = new ArrayList<>();
		if (event.assignee() != null) {
			people.add(event.assignee());
		}
		else {
			event.posts().forEach(post -> people.addAll(organisation.people("group:" + post)));
		}
		outbox.write(EventKind.ORDER_ISSUED, o.id(), people, event.escalation().department(), new Outbox.Text(
				"督办通知：" + event.escalation().powerName() + " 案件 " + event.escalation().caseNumber(),
				organisation.displayName(o.issuedBy()) + " 就案件 " + event.escalation().caseNumber() + " 发出督办："
						+ o.instruction() + "。请于 " + time(o.deadline()) + " 前答复。",
				"/tasks/" + o.taskId()));
	}

	@EventListener
	void on(ExtensionRequested event) {
		Extension x = event.extension();
		outbox.write(EventKind.EXTENSION_REQUESTED, x.id(), organisation.extensionDecidersOf(event.department()),
				event.department(), new Outbox.Text(
						"延长申请待审批：" + nameOf(event.powerName()) + " 案件 " + caseNumber(x.caseId()),
						organisation.displayName(x.requestedBy()) + " 申请将案件 " + caseNumber(x.caseId()) + " 的办理时限延长 "
								+ x.amount() + "，理由：" + x.reason(),
						"/console/cases/" + x.caseId()));
	}

	@EventListener
	void on(ExtensionDecided event) {
		Extension x = event.extension();
		boolean approved = x.status() == Extension.Status.APPROVED;
		outbox.write(EventKind.EXTENSION_DECIDED, x.id(), List.of(x.requestedBy()), null, new Outbox.Text(
				"延长申请" + (approved ? "已批准" : "未批准") + "：案件 " + caseNumber(x.caseId()),
				organisation.displayName(x.decidedBy()) + (approved ? " 批准了" : " 驳回了") + "案件 " + caseNumber(x.caseId())
						+ " 延长 " + x.amount() + " 的申请"
						+ (approved && x.newDeadline() != null ? "，新期限 " + time(x.newDeadline()) : "")
						+ (x.note() == null || x.note().isBlank() ? "。" : "。意见：" + x.note()),
				"/tasks"));
	}

	/** The complaint handlers of its first step, and the supervisors of the department that handles complaints. */
	@EventListener
	void on(ComplaintFiled event) {
		List<String> people = new ArrayList<>();
		event.posts().forEach(post -> people.addAll(organisation.people("group:" + post)));
		if (event.department() != null) {
			people.addAll(organisation.supervisorsOf(event.department()));
		}
		outbox.write(EventKind.COMPLAINT_FILED, event.caseId(), people, event.department(), new Outbox.Text(
				"新的投诉举报：" + event.complaintNumber(),
				"收到投诉举报 " + event.complaintNumber() + "，涉及" + event.subject() + "，请在时限内受理审查。",
				// The handlers' way in; supervisors find the case on the console's board.
				"/tasks"));
	}

	@EventListener
	void on(ReviewRequested event) {
		PowerSubmission s = event.submission();
		List<String> reviewers = organisation.withRole(Roles.REVIEWER).stream()
			.filter(reviewer -> !reviewer.equals(s.submittedBy()))
			.toList();
		outbox.write(EventKind.REVIEW_REQUESTED, s.powerCode() + "@" + s.version(), reviewers, s.department(),
				new Outbox.Text("法制审核待办：" + s.name() + " 第 " + s.version() + " 版",
						organisation.displayName(s.submittedBy()) + " 提交了「" + s.name() + "」（" + s.powerCode() + "）第 "
								+ s.version() + " 版，请审核。",
						"/review"));
	}

	@EventListener
	void on(ReviewDecided event) {
		PowerSubmission s = event.submission();
		boolean approved = s.status() == ReviewStatus.APPROVED;
		outbox.write(EventKind.REVIEW_DECIDED, s.powerCode() + "@" + s.version(), List.of(s.submittedBy()),
				s.department(), new Outbox.Text(
						"法制审核" + (approved ? "通过" : "退回") + "：" + s.name() + " 第 " + s.version() + " 版",
						organisation.displayName(s.reviewedBy()) + (approved ? " 审核通过了" : " 退回了") + "「" + s.name()
								+ "」第 " + s.version() + " 版" + (s.note() == null ? "。" : "。意见：" + s.note()),
						"/designer/powers/" + s.powerCode()));
	}

	/** Once per year it is missing, however many mornings the check finds it so. */
	@EventListener
	void on(CalendarRunningOut event) {
		outbox.write(EventKind.CALENDAR_RUNNING_OUT, String.valueOf(event.year()), organisation.withRole(Roles.ADMIN),
				null, new Outbox.Text("节假日表缺少 " + event.year() + " 年",
						"节假日表尚未录入 " + event.year() + " 年的国务院节假日安排，涉及该年的期限将仅按周末计算。请在日历管理中录入。"
								+ "（" + event.warning() + "）",
						"/admin"));
	}

	private String caseNumber(String caseId) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult();
		return instance == null || instance.getBusinessKey() == null ? caseId : instance.getBusinessKey();
	}

	private String departmentName(String department) {
		return department == null ? "—" : organisation.department(department).map(OrgChart.Department::name).orElse(department);
	}

	private static String nameOf(String powerName) {
		return powerName == null ? "事项" : powerName;
	}

	static String time(Instant instant) {
		return instant == null ? "—" : TIME.format(instant);
	}

}
