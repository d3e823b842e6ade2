package org.sunlight.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.sunlight.calendar.BusinessHours;
import org.sunlight.calendar.Pause;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.CaseClockView;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.ClockPause;
import org.sunlight.supervision.ClockPauses;
import org.sunlight.supervision.Clocks;
import org.sunlight.supervision.Extension;
import org.sunlight.supervision.Extensions;
import org.sunlight.supervision.Finding;
import org.sunlight.supervision.Findings;
import org.sunlight.supervision.Lamp;
import org.sunlight.supervision.SupervisionOrders;
import org.sunlight.system.NotFoundException;

/** The case view with its timeline, and the handlers' task lists with lamps and remaining time. */
@Service
public class CaseViews {

	/** The case variable by which a case carries its own step limit (a supervision order's reply limit). */
	static final String STEP_LIMIT_VARIABLE = "slStepLimit";

	private final Findings findings;
	private final CaseStore cases;
	private final HistoryService history;
	private final TaskService tasks;
	private final PowerVersions powers;
	private final Clocks clocks;
	private final ClockPauses pauses;
	private final WorkingTime workingTime;
	private final Extensions extensions;

	CaseViews(CaseStore cases, HistoryService history, TaskService tasks, PowerVersions powers, Clocks clocks,
			ClockPauses pauses, WorkingTime workingTime, Extensions extensions, Findings findings) {
		this.extensions = extensions;
		this.findings = findings;
		this.cases = cases;
		this.history = history;
		this.tasks = tasks;
		this.powers = powers;
		this.clocks = clocks;
		this.pauses = pauses;
		this.workingTime = workingTime;
	}

	public record CaseView(String caseId, String caseNumber, String powerCode, String powerName, String title,
			String applicantName, String status, OffsetDateTime startedAt, OffsetDateTime endedAt,
			OffsetDateTime deadline, OffsetDateTime warnAt, Lamp lamp, CaseClockView.Clock clock, List<StepView> steps,
			int powerVersion, String category, String department, String legalBasis, String calendar,
			String timeLimit, String applicantIdNumber, String applicantPhone, String startedBy, Extension extension,
			List<Finding> findings) {
	}

	public record StepView(String taskId, String activityId, String name, String assignee, OffsetDateTime startedAt,
			OffsetDateTime endedAt, OffsetDateTime warnAt, OffsetDateTime deadline, Lamp lamp, boolean late,
			Duration elapsed, String timeLimit) {
	}

	/**
	 * An open task with its lamp. {@code remaining} is working time on the power's calendar;
	 * {@code running} says whether that time is passing now (a working hour, clock not paused), and
	 * {@code dayLength} how much working time makes a day, so a client can count down between reads.
	 */
	public record TaskView(String taskId, String caseId, String caseNumber, String powerCode, String powerName,
			String name, String assignee, List<String> candidateGroups, OffsetDateTime createdAt,
			OffsetDateTime warnAt, OffsetDateTime deadline, Lamp lamp,
			@JsonSerialize(using = SignedDurationSerializer.class) Duration remaining, String supervisor,
			String activityId, String applicantName, String title, String calendar, boolean running,
			Duration dayLength, boolean order) {
	}

	/** Which tasks a list shows. */
	public enum Scope {
		MINE, CANDIDATE, ALL
	}

	public CaseView view(String caseId) {
		CaseRow row = cases.find(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId)
			.singleResult();
		CaseSchedule schedule = clocks.caseSchedule(caseId).orElseThrow();
		List<ClockPause> casePauses = pauses.pauses(caseId);
		Instant now = now();
		CaseClockView clock = CaseClockView.of(schedule, casePauses, now);
		boolean ended = instance.getEndTime() != null;
		List<Pause> paused = casePauses.stream().map(p -> new Pause(p.from(), p.to())).toList();
		Optional<PowerDescription> power = powers.describe(instance.getProcessDefinitionId());
		Object ownLimit = history.createHistoricVariableInstanceQuery()
			.processInstanceId(caseId)
			.variableName(STEP_LIMIT_VARIABLE)
			.list()
			.stream()
			.map(v -> v.getValue())
			.findFirst()
			.orElse(null);
		List<StepView> steps = history.createHistoricTaskInstanceQuery()
			.processInstanceId(caseId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()
			.stream()
			.map(task -> step(task, paused, clock.clock().paused(), schedule.calendar(), now,
					ownLimit instanceof String own ? own : stepLimit(power, task.getTaskDefinitionKey())))
			.toList();
		return new CaseView(caseId, row.caseNumber(), row.powerCode(), power.map(PowerDescription::name).orElse(null),
				row.title(), row.applicantName(), instance.getState(), at(instance.getStartTime().toInstant()),
				ended ? at(instance.getEndTime().toInstant()) : null, clock.deadline(), clock.warnAt(),
				ended ? Lamp.DONE : clock.lamp(), clock.clock(), steps, row.powerVersion(),
				power.map(PowerDescription::category).orElse(null), power.map(PowerDescription::department).orElse(null),
				power.map(PowerDescription::legalBasis).orElse(null), schedule.calendar(), schedule.timeLimit(),
				row.applicantIdNumber(), row.applicantPhone(), row.startedBy(), extensions.ofCase(caseId).orElse(null),
				findings.ofCase(caseId));
	}

	private static String stepLimit(Optional<PowerDescription> power, String activityId) {
		return power.flatMap(p -> p.steps().stream().filter(s -> s.id().equals(activityId)).findFirst())
			.map(PowerDescription.Step::timeLimit)
			.orElse(null);
	}

	private StepView step(HistoricTaskInstance task, List<Pause> paused, boolean casePaused, String calendar,
			Instant now, String timeLimit) {
		Instant start = task.getStartTime().toInstant();
		Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
		Instant warnAt = task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant();
		Instant deadline = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		Duration elapsed = workingTime.workingTimeBetween(start, end == null ? now : end, paused, calendar);
		boolean late = deadline != null && (end == null ? !now.isBefore(deadline) : end.isAfter(deadline));
		return new StepView(end == null ? task.getId() : null, task.getTaskDefinitionKey(), task.getName(),
				task.getAssignee(), at(start), end == null ? null : at(end), warnAt == null ? null : at(warnAt),
				deadline == null ? null : at(deadline), Lamp.of(now, warnAt, deadline, casePaused, end != null), late,
				elapsed, timeLimit);
	}

	public List<TaskView> tasks(Scope scope, Lamp lamp, String user, boolean seesAll) {
		List<Task> open = switch (scope) {
			case MINE -> query().taskAssignee(user).list();
			case CANDIDATE -> query().taskCandidateUser(user).list();
			case ALL -> seesAll ? query().list() : query().or().taskAssignee(user).taskCandidateUser(user).endOr().list();
		};
		Map<String, CaseRow> rows = cases.findAll(open.stream().map(Task::getProcessInstanceId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(CaseRow::caseId, Function.identity()));
		Instant now = now();
		List<TaskView> views = new ArrayList<>();
		for (Task task : open) {
			TaskView view = task(task, rows.get(task.getProcessInstanceId()), now);
			if (lamp == null || view.lamp() == lamp) {
				views.add(view);
			}
		}
		views.sort(Comparator.comparingInt((TaskView v) -> urgency(v.lamp()))
			.thenComparing(v -> v.remaining() == null ? Duration.ofDays(36500) : v.remaining()));
		return views;
	}

	private TaskView task(Task task, CaseRow row, Instant now) {
		Optional<PowerDescription> power = powers.describe(task.getProcessDefinitionId());
		String supervisor = power.flatMap(p -> p.steps().stream()
			.filter(s -> s.id().equals(task.getTaskDefinitionKey()))
			.findFirst()).map(PowerDescription.Step::supervisor).orElse(null);
		Instant warnAt = task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant();
		Instant deadline = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		boolean paused = pauses.paused(task.getProcessInstanceId());
		String calendar = power.map(PowerDescription::calendar).orElse("workday");
		Duration remaining = null;
		if (deadline != null) {
			remaining = now.isBefore(deadline) ? workingTime.workingTimeBetween(now, deadline, List.of(), calendar)
					: workingTime.workingTimeBetween(deadline, now, List.of(), calendar).negated();
		}
		List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		// Working time passes now when a minute from now holds some of it.
		boolean running = !paused && deadline != null
				&& !workingTime.workingTimeBetween(now, now.plusSeconds(60), List.of(), calendar).isZero();
		String powerCode = row == null ? power.map(PowerDescription::code).orElse(null) : row.powerCode();
		return new TaskView(task.getId(), task.getProcessInstanceId(), row == null ? null : row.caseNumber(),
				powerCode, power.map(PowerDescription::name).orElse(null), task.getName(), task.getAssignee(), groups,
				at(task.getCreateTime().toInstant()), warnAt == null ? null : at(warnAt),
				deadline == null ? null : at(deadline), Lamp.of(now, warnAt, deadline, paused, false), remaining,
				supervisor, task.getTaskDefinitionKey(), row == null ? null : row.applicantName(),
				row == null ? null : row.title(), calendar, running, dayLength(calendar),
				SupervisionOrders.ORDER_POWER.equals(powerCode));
	}

	/** The working time of one day: the business hours on working days, 24 hours on natural days. */
	Duration dayLength(String calendar) {
		if ("natural".equals(calendar)) {
			return Duration.ofDays(1);
		}
		return workingTime.calendar()
			.hours()
			.spans()
			.stream()
			.map(BusinessHours.Span::length)
			.reduce(Duration.ZERO, Duration::plus);
	}

	/** One open task as its lists show it, or empty when it is not open. */
	public Optional<TaskView> task(String taskId) {
		Task task = query().taskId(taskId).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		return Optional.of(task(task, cases.find(task.getProcessInstanceId()).orElse(null), now()));
	}

	private TaskQuery query() {
		return tasks.createTaskQuery().active();
	}

	private static int urgency(Lamp lamp) {
		return switch (lamp) {
			case RED -> 0;
			case YELLOW -> 1;
			case GREEN -> 2;
			case PAUSED -> 3;
			case DONE -> 4;
		};
	}

	/** Unknown values are refused with the allowed ones. */
	static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown " + name + " '" + value + "'; allowed: "
					+ Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
		}
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atZone(Cases.ZONE).toOffsetDateTime();
	}

}
