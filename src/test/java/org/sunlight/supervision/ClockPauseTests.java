package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;

/**
 * Clock pauses with the engine clock moved by hand: timers do not fire while paused, and resuming
 * moves every pending warning and deadline by the working time the pause lasted.
 */
@SpringBootTest
class ClockPauseTests {

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ClockPauses pauses;

	@Autowired
	Clocks clocks;

	@Autowired
	JdbcTemplate jdbc;

	String definitionId;

	@BeforeEach
	void deploy() {
		definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test").processDefinitionId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aPauseAcrossTheWarningTimeHoldsTheTimersAndResumeShiftsBothDeadlines() {
		String caseId = startAt("2026-11-23T09:00");
		Task accept = accept(caseId);
		assertThat(accept.getFollowUpDate().toInstant()).isEqualTo(at("2026-11-24T12:00"));
		assertThat(accept.getDueDate().toInstant()).isEqualTo(at("2026-11-24T17:30"));

		clockAt("2026-11-24T10:00");
		ClockPause pause = pauses.suspend(caseId, "supplement", "申请人补正土地权属证明材料", "handler1");
		assertThat(pause.category()).isEqualTo(PauseCategory.SUPPLEMENT);
		assertThat(pauses.paused(caseId)).isTrue();

		clockAt("2026-11-24T13:00");
		// Due by the calendar, but suspended: the job executor acquires only active jobs.
		assertThat(management.createJobQuery().processInstanceId(caseId).executable().list())
			.isNotEmpty()
			.allMatch(Job::isSuspended);

		clockAt("2026-11-25T10:00");
		ClockPause ended = pauses.resume(caseId, "handler1");
		// Paused Tue 10:00–12:00, 13:30–17:30 and Wed 09:00–10:00: seven working hours.
		assertThat(ended.paused()).isEqualTo(Duration.ofHours(7));
		Task after = accept(caseId);
		assertThat(after.getFollowUpDate().toInstant()).isEqualTo(at("2026-11-25T12:00"));
		assertThat(after.getDueDate().toInstant()).isEqualTo(at("2026-11-25T17:30"));
		assertThat(clocks.caseSchedule(caseId).orElseThrow().deadline()).isEqualTo(at("2026-11-27T17:30"));
		assertThat(timers(caseId)).allMatch(job -> !job.isSuspended())
			.extracting(job -> job.getDuedate().toInstant())
			.contains(at("2026-11-25T12:00"), at("2026-11-25T17:30"), at("2026-11-27T17:30"));
		assertThat(management.createJobQuery().processInstanceId(caseId).executable().count())
			.as("nothing fires at once on resume").isZero();
		assertThat(jdbc.queryForObject("select count(*) from sl_escalation where case_id = ?", Integer.class, caseId))
			.isZero();
	}

	@Test
	void aStepThatBeginsDuringAPauseIsHeldAndLosesOnlyThePauseAfterItsStart() {
		String caseId = startAt("2026-11-23T09:00");
		clockAt("2026-11-23T10:00");
		pauses.suspend(caseId, "SUPPLEMENT", "申请人补正材料", "handler1");
		clockAt("2026-11-23T11:00");
		Task accept = accept(caseId);
		tasks.claim(accept.getId(), "handler1");
		tasks.complete(accept.getId());
		Task decide = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Decide").singleResult();
		// P2D from Monday 11:00: Wednesday's close of business.
		assertThat(decide.getDueDate().toInstant()).isEqualTo(at("2026-11-25T17:30"));
		assertThat(timers(caseId)).as("every timer of the case, the new step's too, is held")
			.hasSize(4)
			.allMatch(Job::isSuspended);

		clockAt("2026-11-26T09:00");
		assertThat(management.createJobQuery().processInstanceId(caseId).executable().list())
			.as("due by the calendar, but held").isNotEmpty().allMatch(Job::isSuspended);
		pauses.resume(caseId, "handler1");
		// The step lost Monday 11:00–12:00 and 13:30–17:30, Tuesday and Wednesday: 19 working
		// hours, not the 20 of the whole pause (which began at 10:00). Wednesday 17:30 plus 19 h:
		// Thursday, Friday, then five hours of Monday 30 November.
		Task resumed = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Decide").singleResult();
		assertThat(resumed.getDueDate().toInstant()).isEqualTo(at("2026-11-30T15:30"));
		assertThat(timers(caseId)).noneMatch(Job::isSuspended);
		assertThat(management.createJobQuery().processInstanceId(caseId).executable().count())
			.as("nothing fires at once on resume").isZero();
	}

	@Test
	void aPauseAcrossNationalDayCountsOnlyWorkingTime() {
		String caseId = startAt("2026-09-30T09:00");
		// P1D from Wednesday 30 September: 1–7 October are holidays, so Thursday 8 October.
		assertThat(accept(caseId).getDueDate().toInstant()).isEqualTo(at("2026-10-08T17:30"));
		clockAt("2026-09-30T09:30");
		pauses.suspend(caseId, "EXPERT_REVIEW", "组织专家评审", "handler1");
		clockAt("2026-10-08T09:30");
		ClockPause ended = pauses.resume(caseId, "handler1");
		// 09:30–12:00 and 13:30–17:30 on the 30th, 09:00–09:30 on the 8th; the holidays add nothing.
		assertThat(ended.paused()).isEqualTo(Duration.ofHours(7));
		assertThat(accept(caseId).getDueDate().toInstant()).isEqualTo(at("2026-10-09T17:30"));
	}

	@Test
	void theClockCanStopOnlyOnceAtATimeAndOnlyForALawfulReason() {
		String caseId = startAt("2026-11-23T09:00");
		assertThatThrownBy(() -> pauses.resume(caseId, "handler1")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("running");
		assertThatThrownBy(() -> pauses.suspend(caseId, "HOLIDAY_TRIP", "出差", "handler1"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("SUPPLEMENT");
		assertThatThrownBy(() -> pauses.suspend(caseId, "HEARING", "  ", "handler1"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reason");
		assertThat(pauses.pauses(caseId)).isEmpty();
		assertThat(timers(caseId)).noneMatch(Job::isSuspended);

		pauses.suspend(caseId, "HEARING", "依申请举行听证", "handler1");
		assertThatThrownBy(() -> pauses.suspend(caseId, "HEARING", "再次", "handler1"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already paused");
		assertThat(pauses.pauses(caseId)).hasSize(1);
		assertThatThrownBy(() -> pauses.suspend("no-such-case", "HEARING", "听证", "handler1"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void anEndedCasesClockCannotChange() {
		String caseId = startAt("2026-11-23T09:00");
		tasks.complete(accept(caseId).getId());
		tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
		assertThatThrownBy(() -> pauses.suspend(caseId, "HEARING", "听证", "handler1"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("ended");
	}

	private String startAt(String beijing) {
		clockAt(beijing);
		return runtime.startProcessInstanceById(definitionId, "PAUSE-" + System.nanoTime()).getId();
	}

	private Task accept(String caseId) {
		return tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Accept").singleResult();
	}

	private List<Job> timers(String caseId) {
		return management.createJobQuery().processInstanceId(caseId).timers().list();
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(at(beijing)));
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
