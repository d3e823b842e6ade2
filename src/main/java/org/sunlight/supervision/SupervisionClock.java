package org.sunlight.supervision;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunlight.calendar.Schedule;
import org.sunlight.calendar.WarnShare;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.internal.ClockStore;
import org.sunlight.supervision.internal.ClockStore.StepClock;

/**
 * The dates of the compiled timers ({@code ${slClock...}} in every compiled model), on the
 * power's working-day or natural-day calendar and the engine clock. Each schedule is computed once,
 * when the step's scope (or the case) begins, and kept: the warning and the deadline always come
 * from the same computation, and the task's due and follow-up dates are taken from it.
 */
@Component("slClock")
public class SupervisionClock {

	private static final Logger log = LoggerFactory.getLogger(SupervisionClock.class);

	/** Case variable that replaces the modelled time limit of the case's steps. */
	static final String STEP_LIMIT_VARIABLE = "slStepLimit";

	private final PowerVersions powers;
	private final WorkingTime workingTime;
	private final ClockStore clocks;

	private final WarnShare warnShare;

	SupervisionClock(PowerVersions powers, WorkingTime workingTime, ClockStore clocks,
			@Value("${sunlight.supervision.warn-share:1/3}") String warnShare) {
		this.powers = powers;
		this.workingTime = workingTime;
		this.clocks = clocks;
		this.warnShare = WarnShare.parse(warnShare);
	}

	public Date stepWarnAt(DelegateExecution execution, String stepId) {
		return Date.from(stepClock(execution, stepId).warnAt());
	}

	public Date stepDeadline(DelegateExecution execution, String stepId) {
		return Date.from(stepClock(execution, stepId).deadline());
	}

	public Date caseWarnAt(DelegateExecution execution) {
		return Date.from(caseClock(execution).warnAt());
	}

	public Date caseDeadline(DelegateExecution execution) {
		return Date.from(caseClock(execution).deadline());
	}

	/** The step's timers are declared on its scope execution, which is also its task's execution. */
	private StepClock stepClock(DelegateExecution execution, String stepId) {
		Optional<StepClock> kept = begunInThisCommand(execution) ? clocks.stepClockOfNewScope(execution.getId())
				: clocks.stepClock(execution.getId());
		return kept.orElseGet(() -> {
			PowerDescription power = power(execution);
			PowerDescription.Step step = power.steps().stream()
				.filter(s -> s.id().equals(stepId) && s.supervised())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"no supervised step " + stepId + " in " + execution.getProcessDefinitionId()));
			Instant now = now();
			// A case may carry its own limit for its steps: a supervision order's reply limit.
			String limit = execution.getVariable(STEP_LIMIT_VARIABLE) instanceof String own ? own : step.timeLimit();
			String warnBefore = limit.equals(step.timeLimit()) ? step.warnBefore() : null;
			Schedule schedule = workingTime.schedule(now, limit, warnBefore, power.calendar(), warnShare);
			StepClock clock = new StepClock(execution.getId(), execution.getProcessInstanceId(), stepId, limit, now,
					schedule.warnAt(), schedule.deadline(), schedule.covered());
			clocks.insert(clock);
			warnIfUncovered(schedule, "step " + stepId + " of case " + execution.getProcessInstanceId());
			return clock;
		});
	}

	/** Escalations run on the promised limit where there is one (DOMAIN.md). */
	private CaseSchedule caseClock(DelegateExecution execution) {
		String caseId = execution.getProcessInstanceId();
		Optional<CaseSchedule> kept = begunInThisCommand(execution.getProcessInstance())
				? clocks.caseClockOfNewCase(caseId) : clocks.caseClock(caseId);
		return kept.orElseGet(() -> {
			PowerDescription power = power(execution);
			String limit = power.promisedLimit() != null ? power.promisedLimit() : power.statutoryLimit();
			Instant now = now();
			Schedule schedule = workingTime.schedule(now, limit, power.warnBefore(), power.calendar(), warnShare);
			CaseSchedule clock = new CaseSchedule(caseId, power.code(), power.calendar(), limit, now,
					schedule.warnAt(), schedule.deadline(), schedule.covered());
			clocks.insert(clock, execution.getProcessDefinitionId());
			warnIfUncovered(schedule, "case " + caseId);
			return clock;
		});
	}

	/**
	 * Whether the engine created this execution in the current command (it is not in the database
	 * yet): a step's scope as it begins, a case as it starts. Its clock can then only be one this
	 * transaction wrote, which saves a query for each clock begun (a step's first timer asked for
	 * a clock that could not be there yet).
	 */
	private static boolean begunInThisCommand(DelegateExecution execution) {
		CommandContext command = Context.getCommandContext();
		return command != null && execution instanceof ExecutionEntity entity
				&& command.getDbEntityManager().getDbEntityCache().isTransient(entity);
	}

	private PowerDescription power(DelegateExecution execution) {
		return powers.describe(execution.getProcessDefinitionId())
			.orElseThrow(() -> new IllegalStateException(
					"process definition " + execution.getProcessDefinitionId() + " was not deployed by Sunlight"));
	}

	private static void warnIfUncovered(Schedule schedule, String what) {
		if (!schedule.covered()) {
			log.warn("The deadline {} of {} lies beyond the holiday table; it was counted on weekends alone",
					schedule.deadline(), what);
		}
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
