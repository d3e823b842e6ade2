package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.supervision.internal.ClockStore;
import org.sunlight.supervision.internal.PauseStore;
import org.sunlight.system.ConflictException;

/**
 * Stopping and restarting a case's clock. Camunda's own instance suspension would make overdue
 * timers fire at once on resume; instead the case's timer jobs are suspended, and on resume
 * every pending warning and deadline (timer jobs, step and case clocks, task dates) moves by the
 * working time the pause lasted, all in one transaction.
 */
@Service
public class ClockPauses {

	static final int MAX_REASON = 2000;

	private final PauseStore pauses;
	private final ClockStore clocks;
	private final WorkingTime workingTime;
	private final ManagementService management;
	private final TaskService tasks;
	private final RunningCases runningCases;
	private final AuditTrail audit;

	ClockPauses(PauseStore pauses, ClockStore clocks, WorkingTime workingTime, ManagementService management,
			TaskService tasks, RunningCases runningCases, AuditTrail audit) {
		this.audit = audit;
		this.pauses = pauses;
		this.clocks = clocks;
		this.workingTime = workingTime;
		this.management = management;
		this.tasks = tasks;
		this.runningCases = runningCases;
	}

	public List<ClockPause> pauses(String caseId) {
		return pauses.ofCase(caseId);
	}

	public boolean paused(String caseId) {
		return pauses.open(caseId).isPresent();
	}

	@Transactional
	public ClockPause suspend(String caseId, String category, String reason, String by) {
		PauseCategory parsed = category(category);
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason is required: say why the law allows the clock to stop");
		}
		if (reason.length() > MAX_REASON) {
			throw new IllegalArgumentException("reason is longer than " + MAX_REASON + " characters");
		}
		runningCase(caseId);
		if (pauses.open(caseId).isPresent()) {
			throw new ConflictException("the clock of case " + caseId + " is already paused");
		}
		ClockPause pause = new ClockPause(UUID.randomUUID().toString(), caseId, parsed, reason.trim(), by, now(), null,
				null, null);
		pauses.insert(pause);
		audit.record(AuditAction.CLOCK_PAUSED, by, "case", caseId, Map.of("category", parsed, "reason", pause.reason()));
		for (Job timer : management.createJobQuery().processInstanceId(caseId).timers().active().list()) {
			management.suspendJobById(timer.getId());
		}
		return pause;
	}

	@Transactional
	public ClockPause resume(String caseId, String by) {
		CaseSchedule caseClock = runningCase(caseId);
		ClockPause pause = pauses.open(caseId)
			.orElseThrow(() -> new ConflictException("the clock of case " + caseId + " is running, not paused"));
		Instant now = now();
		String calendar = caseClock.calendar();
		Duration paused = workingTime.workingTimeBetween(pause.from(), now, List.of(), calendar);
		if (!pauses.end(pause.id(), by, now, paused)) {
			throw new ConflictException("the clock of case " + caseId + " was resumed meanwhile");
		}
		clocks.moveCase(caseId, later(caseClock.warnAt(), paused, calendar), later(caseClock.deadline(), paused, calendar));
		audit.record(AuditAction.CLOCK_RESUMED, by, "case", caseId, Map.of("paused", paused, "from", pause.from()));
		for (Task task : tasks.createTaskQuery().processInstanceId(caseId).list()) {
			clocks.stepClock(task.getExecutionId()).ifPresent(clock -> {
				// A step that began during the pause lost only the part of it after its start.
				Duration lost = clock.startedAt().isAfter(pause.from())
						? workingTime.workingTimeBetween(clock.startedAt(), now, List.of(), calendar) : paused;
				Instant warnAt = later(clock.warnAt(), lost, calendar);
				Instant deadline = later(clock.deadline(), lost, calendar);
				clocks.moveStep(clock.executionId(), warnAt, deadline);
				task.setFollowUpDate(java.util.Date.from(warnAt));
				task.setDueDate(java.util.Date.from(deadline));
				tasks.saveTask(task);
			});
		}
		for (Job timer : management.createJobQuery().processInstanceId(caseId).timers().list()) {
			Duration lost = clocks.stepClock(timer.getExecutionId())
				.filter(clock -> clock.startedAt().isAfter(pause.from()))
				.map(clock -> workingTime.workingTimeBetween(clock.startedAt(), now, List.of(), calendar))
				.orElse(paused);
			management.setJobDuedate(timer.getId(), java.util.Date.from(later(timer.getDuedate().toInstant(), lost,
					calendar)));
			if (timer.isSuspended()) {
				management.activateJobById(timer.getId());
			}
		}
		return pauses.ofCase(caseId).stream().filter(p -> p.id().equals(pause.id())).findFirst().orElseThrow();
	}

	private Instant later(Instant instant, Duration amount, String calendar) {
		return amount.isZero() ? instant : workingTime.plusWorkingTime(instant, amount, calendar);
	}

	private CaseSchedule runningCase(String caseId) {
		return runningCases.clock(caseId);
	}

	private static PauseCategory category(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("category is required; allowed: " + Arrays.toString(PauseCategory.values()));
		}
		try {
			return PauseCategory.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown pause category '" + value + "'; allowed: " + Arrays.toString(PauseCategory.values()));
		}
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
