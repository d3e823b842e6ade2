package org.sunlight.casework;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.supervision.Lamp;
import org.sunlight.supervision.SupervisionOrder;
import org.sunlight.supervision.SupervisionOrders;

/**
 * Supervision orders (督办) as the workspace shows them: to a handler, the orders addressed to
 * them or their posts that still wait for a reply; to supervisors and leaders, every order with
 * its reply once given. An order's reply step is an ordinary supervised task, so its lamp and
 * remaining time are the task list's.
 */
@Service
public class OrderViews {

	private final SupervisionOrders orders;
	private final CaseViews views;
	private final CaseStore cases;
	private final HistoryService history;

	OrderViews(SupervisionOrders orders, CaseViews views, CaseStore cases, HistoryService history) {
		this.orders = orders;
		this.views = views;
		this.cases = cases;
		this.history = history;
	}

	public record OrderView(String id, String escalationId, String caseId, String caseNumber, String orderCaseId,
			String taskId, String instruction, String replyWithin, String issuedBy, OffsetDateTime issuedAt,
			OffsetDateTime deadline, Lamp lamp, @JsonSerialize(using = SignedDurationSerializer.class) Duration remaining,
			String assignee, List<String> candidateGroups, boolean running, Duration dayLength, String reply,
			String repliedBy, OffsetDateTime repliedAt) {
	}

	/** Open orders for the user (assigned to them or offered to their posts), or all when {@code seesAll}. */
	public List<OrderView> list(String user, boolean seesAll) {
		List<SupervisionOrder> recorded = orders.recorded();
		Map<String, CaseRow> supervised = cases
			.findAll(recorded.stream().map(SupervisionOrder::caseId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseRow::caseId, Function.identity()));
		Map<String, CaseViews.TaskView> open = views.tasks(CaseViews.Scope.ALL, null, user, seesAll)
			.stream()
			.filter(CaseViews.TaskView::order)
			.collect(Collectors.toMap(CaseViews.TaskView::caseId, Function.identity(), (a, b) -> a));
		List<OrderView> found = new ArrayList<>();
		for (SupervisionOrder order : recorded) {
			CaseViews.TaskView task = open.get(order.orderCaseId());
			if (task == null && !seesAll) {
				continue;
			}
			CaseRow row = supervised.get(order.caseId());
			String reply = null;
			String repliedBy = null;
			OffsetDateTime repliedAt = null;
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
					repliedAt = CaseViews.at(done.getEndTime().toInstant());
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
			found.add(new OrderView(order.id(), order.escalationId(), order.caseId(),
					row == null ? null : row.caseNumber(), order.orderCaseId(), task == null ? null : task.taskId(),
					order.instruction(), order.replyWithin(), order.issuedBy(), CaseViews.at(order.issuedAt()),
					task == null ? null : task.deadline(), task == null ? Lamp.DONE : task.lamp(),
					task == null ? null : task.remaining(), task == null ? repliedBy : task.assignee(),
					task == null ? List.of() : task.candidateGroups(), task != null && task.running(),
					task == null ? null : task.dayLength(), reply, repliedBy, repliedAt));
		}
		return found;
	}

}
