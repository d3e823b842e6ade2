package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.support.Models;

/**
 * The escalation path with the engine clock moved by hand (job executor off): deadlines on the
 * working-day calendar, yellow then red exactly once, resolution with lateness, the case pair.
 * The power: TEST-SEAL-001, workday calendar, promised P3D; Task_Accept P1D warning PT4H before,
 * Task_Decide P2D with the default warning (a third of the limit left).
 */
@SpringBootTest
class EscalationTimeTravelTests {

	/** Monday 23 November 2026, 09:00 in Beijing: an ordinary working day. */
	static final Instant MONDAY_9 = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	Escalations escalations;

	@Autowired
	Clocks clocks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	HistoryService history;

	@Autowired
	EscalationRaiser raiser;

	String definitionId;

	@BeforeEach
	void deployAndFreezeClock() {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(Date.from(MONDAY_9));
		definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test").processDefinitionId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void deadlinesFollowTheWorkingDayCalendarAndBecomeTheTasksDates() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		// P1D: the start day does not count; the close of business of the next working day.
		assertThat(accept.getDueDate().toInstant()).isEqualTo(at("2026-11-24T17:30"));
		assertThat(accept.getFollowUpDate().toInstant()).isEqualTo(at("2026-11-24T12:00"));
		CaseSchedule schedule = clocks.caseSchedule(instance.getId()).orElseThrow();
		assertThat(schedule.deadline()).isEqualTo(at("2026-11-26T17:30"));
		assertThat(schedule.covered()).isTrue();
		assertThat(timers(instance)).extracting(job -> job.getDuedate().toInstant())
			.containsExactlyInAnyOrder(accept.getFollowUpDate().toInstant(), accept.getDueDate().toInstant(),
					schedule.warnAt(), schedule.deadline());
	}

	@Test
	void raisesYellowThenRedExactlyOnceWithoutInterruptingTheStep() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");

		fireDue(instance, accept.getFollowUpDate().toInstant());
		List<Escalation> raised = stepEscalations(instance);
		assertThat(raised).singleElement().satisfies(e -> {
			assertThat(e.level()).isEqualTo(EscalationLevel.YELLOW);
			assertThat(e.status()).isEqualTo(Escalation.Status.OPEN);
			assertThat(e.taskId()).isEqualTo(accept.getId());
			assertThat(e.stepName()).isEqualTo("受理");
			assertThat(e.powerCode()).isEqualTo("TEST-SEAL-001");
			assertThat(e.powerName()).isEqualTo("公章刻制备案");
			assertThat(e.department()).isEqualTo("public-security-bureau");
			assertThat(e.responsible()).isEqualTo("group:seal-window");
			assertThat(e.supervisor()).isEqualTo("group:discipline-office");
			assertThat(e.deadline()).isEqualTo(accept.getDueDate().toInstant());
		});
		assertThat(instance).isWaitingAt("Task_Accept");

		fireDue(instance, accept.getDueDate().toInstant());
		assertThat(stepEscalations(instance)).extracting(Escalation::level)
			.containsExactlyInAnyOrder(EscalationLevel.YELLOW, EscalationLevel.RED);
		assertThat(instance).isWaitingAt("Task_Accept");
		assertThat(jdbc.queryForObject("select count(*) from sl_escalation where case_id = ?", Integer.class,
				instance.getId())).isEqualTo(2);
	}

	@Test
	void theResponsiblePersonIsTheAssigneeAtRaiseTimeElseEveryCandidate() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		tasks.addCandidateUser(accept.getId(), "handler2");
		tasks.addCandidateGroup(accept.getId(), "a-second-post");
		fireDue(instance, accept.getFollowUpDate().toInstant());
		assertThat(stepEscalations(instance)).singleElement()
			.satisfies(e -> assertThat(e.responsible()).isEqualTo("group:a-second-post,group:seal-window,user:handler2"));

		tasks.claim(accept.getId(), "handler1");
		fireDue(instance, accept.getDueDate().toInstant());
		assertThat(stepEscalations(instance)).filteredOn(e -> e.level() == EscalationLevel.RED)
			.singleElement()
			.satisfies(e -> assertThat(e.responsible()).isEqualTo("user:handler1"));
	}

	@Test
	void aVeryLongListOfCandidatesIsCutRatherThanFailingTheTimer() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		for (int i = 0; i < 60; i++) {
			tasks.addCandidateUser(accept.getId(), "a-handler-with-a-long-account-name-" + i);
		}
		fireDue(instance, accept.getFollowUpDate().toInstant());
		assertThat(stepEscalations(instance)).singleElement()
			.satisfies(e -> assertThat(e.responsible()).hasSize(1000).startsWith("group:seal-window,user:"));
	}

	@Test
	void aStepCompletedBeforeItsWarningRaisesNothing() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		tasks.complete(accept.getId());
		assertThat(escalations(instance)).isEmpty();
		// The step's pair is gone with its scope; Task_Decide's pair and the case pair remain.
		assertThat(timers(instance)).hasSize(4)
			.noneMatch(job -> job.getDuedate().equals(accept.getDueDate()))
			.noneMatch(job -> job.getDuedate().equals(accept.getFollowUpDate()));
	}

	@Test
	void completingBetweenYellowAndRedResolvesTheWarningAndNoRedFollows() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		fireDue(instance, accept.getFollowUpDate().toInstant());
		Instant completedAt = accept.getFollowUpDate().toInstant().plus(Duration.ofMinutes(30));
		ClockUtil.setCurrentTime(Date.from(completedAt));
		tasks.complete(accept.getId());

		assertThat(stepEscalations(instance)).singleElement().satisfies(e -> {
			assertThat(e.level()).isEqualTo(EscalationLevel.YELLOW);
			assertThat(e.status()).isEqualTo(Escalation.Status.RESOLVED);
			assertThat(e.resolvedAt()).isEqualTo(completedAt);
			// Finished before its deadline: negative lateness.
			assertThat(e.lateness()).isEqualTo(Duration.between(accept.getDueDate().toInstant(), completedAt));
			assertThat(e.lateness()).isNegative();
		});
		assertThat(timers(instance)).noneMatch(job -> job.getDuedate().equals(accept.getDueDate()));
	}

	@Test
	void aLateStepKeepsHowLateItWasWhenResolved() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		fireDue(instance, accept.getFollowUpDate().toInstant());
		fireDue(instance, accept.getDueDate().toInstant());
		ClockUtil.setCurrentTime(Date.from(accept.getDueDate().toInstant().plus(Duration.ofHours(2))));
		tasks.complete(accept.getId());
		assertThat(stepEscalations(instance)).allSatisfy(e -> {
			assertThat(e.status()).isEqualTo(Escalation.Status.RESOLVED);
			assertThat(e.lateness()).isEqualTo(Duration.ofHours(2));
		});
	}

	@Test
	void reassignmentKeepsTheStepsClock() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		ClockUtil.setCurrentTime(Date.from(at("2026-11-24T10:00")));
		tasks.setAssignee(accept.getId(), "handler1");
		tasks.delegateTask(accept.getId(), "handler2");
		Task after = task(instance, "Task_Accept");
		assertThat(after.getDueDate()).isEqualTo(accept.getDueDate());
		assertThat(after.getFollowUpDate()).isEqualTo(accept.getFollowUpDate());
		assertThat(timers(instance)).extracting(Job::getDuedate).contains(accept.getDueDate(),
				accept.getFollowUpDate());
	}

	@Test
	void theCaseLimitRaisesItsOwnPairAndResolvesWhenTheCaseEnds() {
		ProcessInstance instance = start();
		CaseSchedule schedule = clocks.caseSchedule(instance.getId()).orElseThrow();
		fireDue(instance, schedule.warnAt());
		fireDue(instance, schedule.deadline());
		List<Escalation> caseLevel = escalations(instance).stream()
			.filter(e -> e.scope() == Escalation.Scope.CASE)
			.toList();
		assertThat(caseLevel).extracting(Escalation::level)
			.containsExactlyInAnyOrder(EscalationLevel.YELLOW, EscalationLevel.RED);
		assertThat(caseLevel).allSatisfy(e -> assertThat(e.taskId()).isNull());

		ClockUtil.setCurrentTime(Date.from(schedule.deadline().plus(Duration.ofDays(1))));
		tasks.complete(task(instance, "Task_Accept").getId());
		tasks.complete(task(instance, "Task_Decide").getId());
		assertThat(instance).isEnded();
		assertThat(escalations(instance)).allSatisfy(e -> assertThat(e.status()).isEqualTo(Escalation.Status.RESOLVED));
		assertThat(caseLevel.get(0).id()).satisfies(id -> assertThat(escalations.get(id).lateness())
			.isEqualTo(Duration.ofDays(1)));
	}

	/**
	 * A call to raise an alarm, made from anywhere with the case's execution as a forged model would
	 * make it, writes nothing until the clock has reached that level: an alarm is what the clock says.
	 */
	@Test
	void aCaseAlarmIsRaisedOnlyWhenItsClockHasReachedIt() {
		ProcessInstance instance = start();
		CaseSchedule schedule = clocks.caseSchedule(instance.getId()).orElseThrow();
		raiseCaseFromTheExecution(instance, "RED");
		raiseCaseFromTheExecution(instance, "YELLOW");
		assertThat(escalations(instance)).isEmpty();

		ClockUtil.setCurrentTime(Date.from(schedule.warnAt()));
		raiseCaseFromTheExecution(instance, "RED");
		raiseCaseFromTheExecution(instance, "YELLOW");
		assertThat(escalations(instance)).extracting(Escalation::level).containsExactly(EscalationLevel.YELLOW);

		ClockUtil.setCurrentTime(Date.from(schedule.deadline()));
		raiseCaseFromTheExecution(instance, "RED");
		assertThat(escalations(instance)).extracting(Escalation::level)
			.containsExactlyInAnyOrder(EscalationLevel.YELLOW, EscalationLevel.RED);
	}

	private void raiseCaseFromTheExecution(ProcessInstance instance, String level) {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				raiser.raiseCase(context.getExecutionManager().findExecutionById(instance.getId()), level);
				return null;
			});
	}

	@Test
	void firedClocksLeaveTheirEscalationsAndJobLogButNoCamundaActivityHistory() {
		ProcessInstance instance = start();
		Task accept = task(instance, "Task_Accept");
		fireDue(instance, accept.getFollowUpDate().toInstant());
		fireDue(instance, clocks.caseSchedule(instance.getId()).orElseThrow().warnAt());
		tasks.complete(accept.getId());

		assertThat(escalations(instance)).hasSize(2);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
			.extracting(HistoricActivityInstance::getActivityId)
			.containsExactlyInAnyOrder("Start", "Task_Accept", "Task_Decide");
		// The timers' job log is kept: it is where a failing clock would show.
		assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).successLog().list())
			.extracting(HistoricJobLog::getActivityId)
			.containsExactlyInAnyOrder("SL_Yellow_Task_Accept", "SL_CaseYellowStart");
	}

	@Test
	void aPowerMayNameTheCaseWarningTime() {
		String own = Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"TEST-SEAL-001\" warnBefore=\"PT2H\"");
		definitionId = deployment.deploy(own.getBytes(StandardCharsets.UTF_8), "test").processDefinitionId();
		ProcessInstance instance = start();
		CaseSchedule schedule = clocks.caseSchedule(instance.getId()).orElseThrow();
		// Two working hours before the close of business on Thursday, not a third of three days.
		assertThat(schedule.deadline()).isEqualTo(at("2026-11-26T17:30"));
		assertThat(schedule.warnAt()).isEqualTo(at("2026-11-26T15:30"));

		fireDue(instance, schedule.warnAt());
		assertThat(escalations(instance))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.scope()).isEqualTo(Escalation.Scope.CASE);
				assertThat(e.level()).isEqualTo(EscalationLevel.YELLOW);
			});
	}

	private ProcessInstance start() {
		return runtime.startProcessInstanceById(definitionId, "TEST-" + System.nanoTime());
	}

	private Task task(ProcessInstance instance, String stepId) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(stepId).singleResult();
	}

	private List<Job> timers(ProcessInstance instance) {
		return management.createJobQuery().processInstanceId(instance.getId()).timers().list();
	}

	/** Moves the engine clock to the due time and runs the timer jobs that are due then. */
	private void fireDue(ProcessInstance instance, Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = timers(instance).stream().filter(job -> job.getDuedate().toInstant().equals(due)).toList();
		assertThat(jobs).as("timers due at %s", due).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private List<Escalation> escalations(ProcessInstance instance) {
		return escalations.list(new EscalationFilter(null, null, null, null, null, instance.getId()), 0, 50).items();
	}

	private List<Escalation> stepEscalations(ProcessInstance instance) {
		return escalations(instance).stream().filter(e -> e.scope() == Escalation.Scope.STEP).toList();
	}

	private static Instant at(String localBeijing) {
		return OffsetDateTime.parse(localBeijing + ":00+08:00").toInstant();
	}

}
