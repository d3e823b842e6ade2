package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * The compiled clocks of a deployed power run: the timers get their dates from {@code slClock}
 * and their end events call {@code slEscalations}, without interrupting the step.
 */
@SpringBootTest
@RecordApplicationEvents
class CompiledTimersRunTests {

	private static final long HOUR = 3_600_000L;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ApplicationEvents events;

	Date start;

	@BeforeEach
	void freezeClock() {
		start = new Date(1_790_000_000_000L);
		ClockUtil.setCurrentTime(start);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void stepAndCaseTimersFireYellowThenRedWithoutInterruptingTheStep() {
		String processDefinitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		ProcessInstance instance = runtime.startProcessInstanceById(processDefinitionId);

		List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().list();
		assertThat(timers).hasSize(4);
		// Task_Accept: limit P1D, warnBefore PT4H; the case: promised limit P3D, warning at two thirds.
		assertThat(timers).extracting(Job::getDuedate)
			.containsExactlyInAnyOrder(at(20), at(24), at(48), at(72));

		ClockUtil.setCurrentTime(at(21));
		execute(instance, at(20));
		assertThat(events.stream(EscalationRaised.class))
			.containsExactly(new EscalationRaised(instance.getId(), processDefinitionId, "Task_Accept",
					EscalationLevel.YELLOW));
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Accept").count())
			.isEqualTo(1);

		ClockUtil.setCurrentTime(at(25));
		execute(instance, at(24));
		assertThat(events.stream(EscalationRaised.class)).last()
			.isEqualTo(new EscalationRaised(instance.getId(), processDefinitionId, "Task_Accept", EscalationLevel.RED));

		ClockUtil.setCurrentTime(at(73));
		execute(instance, at(48));
		execute(instance, at(72));
		assertThat(events.stream(EscalationRaised.class).filter(e -> e.stepId() == null))
			.extracting(EscalationRaised::level)
			.containsExactly(EscalationLevel.YELLOW, EscalationLevel.RED);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Accept").count())
			.isEqualTo(1);
	}

	@Test
	void completingAStepRemovesItsTimers() {
		String processDefinitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		ProcessInstance instance = runtime.startProcessInstanceById(processDefinitionId);
		tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

		assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().list())
			.extracting(Job::getDuedate)
			// Task_Decide: P2D with the default warning at a third of the limit left; the case pair stays.
			.containsExactlyInAnyOrder(new Date(start.getTime() + 32 * HOUR), at(48), at(48), at(72));
	}

	private Date at(int hours) {
		return new Date(start.getTime() + hours * HOUR);
	}

	private void execute(ProcessInstance instance, Date due) {
		Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().duedateLowerThan(
				new Date(due.getTime() + 1)).list().stream().filter(j -> j.getDuedate().equals(due)).findFirst()
			.orElseThrow();
		management.executeJob(job.getId());
	}

}
