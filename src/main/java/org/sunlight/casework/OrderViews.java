package org.sunlight.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.Escalations;
import org.sunlight.supervision.Lamp;
import org.sunlight.supervision.SupervisionOrder;
import org.sunlight.supervision.SupervisionOrders;
import org.sunlight.system.Paging;

/**
 * Supervision orders (督办) as the workspace shows them: to a handler, the orders addressed to
 * them or their posts that still wait for a reply, and those they replied to; to supervisors and
 * leaders, every order with its reply once given, and to a supervisor the orders they issued. An
 * order's reply step is an ordinary supervised task, so its lamp and remaining time are the task
 * list's.
 */
@Service
public class OrderViews {

	private final SupervisionOrders orders;
	private final CaseViews views;
	private final CaseStore cases;
	private final HistoryService history;
	private final TaskService tasks;
	private final PowerVersions powers;
	private final Escalations escalations;
	private final Organisation organisation;

	OrderViews(SupervisionOrders orders, CaseViews views, CaseStore cases, HistoryService history, TaskService tasks,
			PowerVersions powers, Escalations escalations, Organisation organisation) {
		this.orders = orders;
		this.views = views;
		this.cases = cases;
		this.history = history;
		this.tasks = tasks;
		this.powers = powers;
		this.escalations = escalations;
		this.organisation = organisation;
	}

	/**
	 * An order with where it stands: open (the reply's lamp and remaining time) or replied
	 * ({@code lamp} DONE, the reply, who and when, and {@code late} when after the deadline).
	 * People come with their display names; the supervised case with its power and step.
	 */
	public record OrderView(String id, String escalationId, String caseId, String caseNumber, String orderCaseId,
			String taskId, String instruction, String replyWithin, String issuedBy, OffsetDateTime issuedAt,
			OffsetDateTime deadline, Lamp lamp, @JsonSerialize(using = SignedDurationSerializer.class) Duration remaining,
			String assignee, List<String> candidateGroups, boolean running, Duration dayLength, String reply,
			String repliedBy, OffsetDateTime repliedAt, boolean late, String issuedByName, String assigneeName,
			String repliedByName, String powerName, String stepName, List<String> candidateGroupNames) {
	}

	/** Open orders for the user (assigned to them or offered to their posts), or all when {@code seesAll}. */
	public List<OrderView> list(String user, boolean seesAll) {
		Map<String, CaseViews.TaskView> open = views.tasks(CaseViews.Scope.ALL, null, user, seesAll)
			.stream()
			.filter(CaseViews.TaskView::order)
			.collect(Collectors.toMap(CaseViews.TaskView::caseId, Function.identity(), (a, b) -> a));
		List<SupervisionOrder> shown = orders.recorded()
			.stream()
			.filter(order -> seesAll || open.containsKey(order.orderCaseId()))
			.toList();
		return views(shown, open);
	}

	/** The orders a supervisor issued, newest first, each with where it stands. */
	public InboxPage<OrderView> issuedBy(String user, Paging paging) {
		List<SupervisionOrder> issued = orders.issuedBy(user, paging);
		return new InboxPage<>(views(issued, openReplies(issued.stream().map(SupervisionOrder::orderCaseId).toList())),
				orders.countIssuedBy(user));
	}

	/** The orders a handler replied to, most recent reply first. */
	public InboxPage<OrderView> repliedBy(String user, Paging paging) {
		var query = history.createHistoricTaskInstanceQuery()
			.processDefinitionKey(orderProcessKey())
			.taskAssignee(user)
			.finished()
			.taskDeleteReason("completed");
		List<HistoricTaskInstance> replies = query.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage((int) paging.offset(), paging.size());
		Map<String, SupervisionOrder> byCase = orders
			.ofOrderCases(replies.stream().map(HistoricTaskInstance::getProcessInstanceId).toList())
			.stream()
			.collect(Collectors.toMap(SupervisionOrder::orderCaseId, Function.identity(), (a, b) -> a));
		List<SupervisionOrder> replied = replies.stream()
			.map(reply -> byCase.get(reply.getProcessInstanceId()))
			.filter(Objects::nonNull)
			.toList();
		return new InboxPage<>(views(replied, Map.of()), query.count());
	}

	/**
	 * Open orders past their reply deadline on the supervised cases of {@code scope}'s departments,
	 * oldest deadline first: what a supervisor should chase.
	 */
	public InboxPage<OrderView> overdue(SupervisionScope scope, int size) {
		List<Task> late = tasks.createTaskQuery()
			.processDefinitionKey(orderProcessKey())
			.active()
			.dueBefore(java.util.Date.from(now()))
			.orderByDueDate()
			.asc()
			.list();
		Map<String, Task> byCase = late.stream()
			.collect(Collectors.toMap(Task::getProcessInstanceId, Function.identity(), (a, b) -> a));
		List<SupervisionOrder> visible = orders.ofOrderCases(byCase.keySet())
			.stream()
			.filter(order -> scope.covers(escalations.get(order.escalationId()).department()))
			.sorted(java.util.Comparator.comparing(order -> byCase.get(order.orderCaseId()).getDueDate()))
			.toList();
		List<SupervisionOrder> first = visible.stream().limit(size).toList();
		return new InboxPage<>(views(first, openReplies(first.stream().map(SupervisionOrder::orderCaseId).toList())),
				visible.size());
	}

	private Map<String, CaseViews.TaskView> openReplies(Collection<String> orderCaseIds) {
		if (orderCaseIds.isEmpty()) {
			return Map.of();
		}
		return tasks.createTaskQuery()
			.processInstanceIdIn(orderCaseIds.toArray(String[]::new))
			.active()
			.list()
			.stream()
			.map(task -> views.task(task.getId()))
			.flatMap(java.util.Optional::stream)
			.collect(Collectors.toMap(CaseViews.TaskView::caseId, Function.identity(), (a, b) -> a));
	}

	private List<OrderView> views(List<SupervisionOrder> shown, Map<String, CaseViews.TaskView> open) {
		Map<String, CaseRow> supervised = cases.findAll(shown.stream().map(SupervisionOrder::caseId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseRow::caseId, Function.identity()));
		List<OrderView> found = new ArrayList<>();
		for (SupervisionOrder order : shown) {
			found.add(view(order, open.get(order.orderCaseId()), supervised.get(order.caseId())));
		}
		Map<String, String> names = organisation.displayNames(found.stream()
			.flatMap(o -> java.util.stream.Stream.of(o.issuedBy(), o.assignee(), o.repliedBy()))
			.filter(Objects::nonNull)
			.toList());
		Map<String, String> posts = organisation
			.postNames(found.stream().flatMap(o -> o.candidateGroups().stream()).distinct().toList());
		return found.stream()
			.map(o -> new OrderView(o.id(), o.escalationId(), o.caseId(), o.caseNumber(), o.orderCaseId(), o.taskId(),
					o.instruction(), o.replyWithin(), o.issuedBy(), o.issuedAt(), o.deadline(), o.lamp(), o.remaining(),
					o.assignee(), o.candidateGroups(), o.running(), o.dayLength(), o.reply(), o.repliedBy(),
					o.repliedAt(), o.late(), names.get(o.issuedBy()), names.get(o.assignee()), names.get(o.repliedBy()),
					o.powerName(), o.stepName(), o.candidateGroups().stream().map(posts::get).toList()))
			.toList();
	}

	private OrderView view(SupervisionOrder order, CaseViews.TaskView task, CaseRow row) {
		Escalation escalation = escalations.get(order.escalationId());
		String reply = null;
		String repliedBy = null;
		OffsetDateTime repliedAt = null;
		OffsetDateTime deadline = task == null ? null : task.deadline();
		boolean late = task != null && task.lamp() == Lamp.RED;
		if (task == null) {
			HistoricTaskInstance done = history.createHistoricTaskInstanceQuery()
				.processInstanceId(order.orderCaseId())
				.finished()
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (done != null) {
				repliedBy = done.getAssignee();
				Instant ended = done.getEndTime().toInstant();
				repliedAt = CaseViews.at(ended);
				if (done.getDueDate() != null) {
					deadline = CaseViews.at(done.getDueDate().toInstant());
					late = ended.isAfter(done.getDueDate().toInstant());
				}
				reply = history.createHistoricVariableInstanceQuery()
					.processInstanceId(order.orderCaseId())
					.variableName("reply")
					.list()
					.stream()
					.map(HistoricVariableInstance::getValue)
					.filter(Objects::nonNull)
					.map(Object::toString)
					.findFirst()
					.orElse(null);
			}
		}
		return new OrderView(order.id(), order.escalationId(), order.caseId(), row == null ? null : row.caseNumber(),
				order.orderCaseId(), task == null ? null : task.taskId(), order.instruction(), order.replyWithin(),
				order.issuedBy(), CaseViews.at(order.issuedAt()), deadline, task == null ? Lamp.DONE : task.lamp(),
				task == null ? null : task.remaining(), task == null ? repliedBy : task.assignee(),
				task == null ? List.of() : task.candidateGroups(), task != null && task.running(),
				task == null ? null : task.dayLength(), reply, repliedBy, repliedAt, late, null, null, null,
				escalation.powerName(), escalation.stepName(), List.of());
	}

	private String orderProcessKey() {
		return powers.latest(SupervisionOrders.ORDER_POWER)
			.map(PowerVersion::processKey)
			.orElseThrow(() -> new IllegalStateException("the supervision order process is not deployed"));
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
