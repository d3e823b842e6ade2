package org.sunlight.casework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.ClockPauses;
import org.sunlight.supervision.Clocks;
import org.sunlight.supervision.Extension;
import org.sunlight.supervision.Extensions;
import org.sunlight.supervision.Lamp;
import org.sunlight.supervision.SupervisionOrders;
import org.sunlight.system.Paging;

/**
 * The inboxes of the people who act on cases: a leader's extension requests to decide (only those
 * of departments the leader may decide for, {@link Organisation#mayDecideExtension}) and the ones
 * they decided, and a handler's done list (已办). Each is the caller's own: nobody reads another's.
 */
@Service
public class Inboxes {

	private final Extensions extensions;
	private final Clocks clocks;
	private final ClockPauses pauses;
	private final CaseStore cases;
	private final PowerVersions powers;
	private final Organisation organisation;
	private final TaskService tasks;
	private final HistoryService history;

	Inboxes(Extensions extensions, Clocks clocks, ClockPauses pauses, CaseStore cases, PowerVersions powers,
			Organisation organisation, TaskService tasks, HistoryService history) {
		this.extensions = extensions;
		this.clocks = clocks;
		this.pauses = pauses;
		this.cases = cases;
		this.powers = powers;
		this.organisation = organisation;
		this.tasks = tasks;
		this.history = history;
	}

	/**
	 * An extension request as a leader reads it: the case (number, power, its department, the steps
	 * open now, the applicant), who asked (and their name), how much on which calendar, why, and the
	 * case deadline it moves: {@code deadline} now and {@code extendedDeadline} once approved (for a
	 * decided one, the deadlines before and after the decision).
	 */
	public record ExtensionItem(String caseId, String caseNumber, String powerCode, String powerName,
			String department, String departmentName, List<String> steps, String applicantName, String requestedBy,
			String requestedByName, OffsetDateTime requestedAt, String amount, String calendar, String reason,
			OffsetDateTime deadline, OffsetDateTime extendedDeadline, Lamp lamp, Extension.Status status,
			String decidedBy, String decidedByName, OffsetDateTime decidedAt, String note) {
	}

	/** The requests this leader may decide, the one whose case deadline comes first on top. */
	public InboxPage<ExtensionItem> pendingExtensions(String leader, Paging paging) {
		List<ExtensionItem> mine = new ArrayList<>();
		for (Extension extension : extensions.pending()) {
			Optional<PowerDescription> power = power(extension.caseId());
			String department = power.map(PowerDescription::department).orElse(null);
			if (department != null && organisation.mayDecideExtension(leader, department)) {
				mine.add(item(extension, power));
			}
		}
		mine.sort(Comparator.comparing(ExtensionItem::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
		return named(InboxPage.of(mine, paging));
	}

	/** The requests this leader decided, newest decision first. */
	public InboxPage<ExtensionItem> decidedExtensions(String leader, Paging paging) {
		Extensions.Page decided = extensions.decidedBy(leader, paging);
		return named(new InboxPage<>(decided.items().stream().map(e -> item(e, power(e.caseId()))).toList(),
				decided.total()));
	}

	private ExtensionItem item(Extension extension, Optional<PowerDescription> power) {
		String caseId = extension.caseId();
		Optional<CaseRow> row = cases.find(caseId);
		Optional<CaseSchedule> clock = clocks.caseSchedule(caseId);
		Instant now = now();
		boolean pending = extension.status() == Extension.Status.REQUESTED;
		Instant deadline = pending ? clock.map(CaseSchedule::deadline).orElse(null) : extension.oldDeadline();
		Instant extended = pending ? clock.map(c -> extensions.movedDeadline(c, extension.amount())).orElse(null)
				: extension.newDeadline();
		boolean ended = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).finished().count() > 0;
		Lamp lamp = clock.map(c -> Lamp.of(now, c.warnAt(), c.deadline(), pauses.paused(caseId), ended))
			.orElse(Lamp.DONE);
		List<String> steps = tasks.createTaskQuery()
			.processInstanceId(caseId)
			.active()
			.list()
			.stream()
			.map(Task::getName)
			.toList();
		String department = power.map(PowerDescription::department).orElse(null);
		return new ExtensionItem(caseId, row.map(CaseRow::caseNumber).orElse(null),
				power.map(PowerDescription::code).orElse(null), power.map(PowerDescription::name).orElse(null),
				department,
				department == null ? null
						: organisation.department(department).map(OrgChart.Department::name).orElse(department),
				steps, row.map(CaseRow::applicantName).orElse(null), extension.requestedBy(), null,
				at(extension.requestedAt()), extension.amount(), clock.map(CaseSchedule::calendar).orElse(null),
				extension.reason(), at(deadline), at(extended), lamp, extension.status(), extension.decidedBy(), null,
				at(extension.decidedAt()), extension.note());
	}

	private InboxPage<ExtensionItem> named(InboxPage<ExtensionItem> page) {
		List<String> people = new ArrayList<>();
		page.items().forEach(i -> {
			people.add(i.requestedBy());
			people.add(i.decidedBy());
		});
		Map<String, String> names = organisation.displayNames(people);
		return new InboxPage<>(page.items()
			.stream()
			.map(i -> new ExtensionItem(i.caseId(), i.caseNumber(), i.powerCode(), i.powerName(), i.department(),
					i.departmentName(), i.steps(), i.applicantName(), i.requestedBy(), names.get(i.requestedBy()),
					i.requestedAt(), i.amount(), i.calendar(), i.reason(), i.deadline(), i.extendedDeadline(),
					i.lamp(), i.status(), i.decidedBy(), names.get(i.decidedBy()), i.decidedAt(), i.note()))
			.toList(), page.total());
	}

	/**
	 * A task the handler completed: the case (for an order's reply, the supervised case), the power
	 * and step, when it began and ended, its deadline and whether it ended after it.
	 */
	public record DoneTask(String taskId, String caseId, String caseNumber, String powerCode, String powerName,
			String stepName, OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime deadline,
			boolean late, boolean order) {
	}

	/** The handler's done list (已办), the most recently completed first. */
	public InboxPage<DoneTask> done(String user, Paging paging) {
		HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery()
			.taskAssignee(user)
			.finished()
			// Tasks the engine ended (a case withdrawn, an interrupting timer) were not done by anyone.
			.taskDeleteReason("completed");
		List<HistoricTaskInstance> done = query.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage((int) paging.offset(), paging.size());
		Map<String, Optional<PowerDescription>> described = new HashMap<>();
		Map<String, String> supervisedCase = new HashMap<>();
		for (HistoricTaskInstance task : done) {
			Optional<PowerDescription> power = described.computeIfAbsent(task.getProcessDefinitionId(),
					powers::describe);
			if (power.map(p -> SupervisionOrders.ORDER_POWER.equals(p.code())).orElse(false)) {
				history.createHistoricVariableInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.variableName("supervisedCaseId")
					.list()
					.stream()
					.findFirst()
					.ifPresent(v -> supervisedCase.put(task.getProcessInstanceId(), String.valueOf(v.getValue())));
			}
		}
		Map<String, CaseRow> rows = cases
			.findAll(done.stream().map(t -> supervisedCase.getOrDefault(t.getProcessInstanceId(),
					t.getProcessInstanceId())).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseRow::caseId, Function.identity()));
		List<DoneTask> items = done.stream().map(task -> {
			Optional<PowerDescription> power = described.get(task.getProcessDefinitionId());
			boolean order = supervisedCase.containsKey(task.getProcessInstanceId());
			String caseId = supervisedCase.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId());
			CaseRow row = rows.get(caseId);
			Instant ended = task.getEndTime().toInstant();
			Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
			return new DoneTask(task.getId(), caseId, row == null ? null : row.caseNumber(),
					power.map(PowerDescription::code).orElse(null), power.map(PowerDescription::name).orElse(null),
					task.getName(), at(task.getStartTime().toInstant()), at(ended), at(due),
					due != null && ended.isAfter(due), order);
		}).toList();
		return new InboxPage<>(items, query.count());
	}

	private Optional<PowerDescription> power(String caseId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(caseId)
			.singleResult();
		return instance == null ? Optional.empty() : powers.describe(instance.getProcessDefinitionId());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : CaseViews.at(instant);
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
