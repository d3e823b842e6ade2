package org.sunlight.modeling.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.support.Models;

/**
 * The compiled clocks deploy and run on a real engine: an in-memory one of its own, with test
 * doubles for the two beans the generated expressions call, the job executor off and the engine
 * clock moved by hand (PITFALLS.md 4).
 */
class CompiledModelRunsTests {

	private static final long HOUR = 3_600_000L;
	private static final Date START = new Date(1_790_000_000_000L);

	private static final FixedClock clock = new FixedClock();
	private static final RecordingEscalations escalations = new RecordingEscalations();
	private static ProcessEngine engine;

	private RuntimeService runtime;
	private TaskService tasks;
	private ManagementService management;
	private ProcessInstance instance;

	@BeforeAll
	static void startEngine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("compiler-tests");
		configuration.setJdbcUrl("jdbc:h2:mem:compiler-tests;DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate("create-drop");
		configuration.setJobExecutorActivate(false);
		configuration.setBeans(Map.of("slClock", clock, "slEscalations", escalations));
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	@BeforeEach
	void deployAndStart() {
		ClockUtil.setCurrentTime(START);
		clock.asked.clear();
		escalations.raised.clear();
		runtime = engine.getRuntimeService();
		tasks = engine.getTaskService();
		management = engine.getManagementService();
		byte[] compiled = new SupervisionCompiler().compile(Models.bytes(SupervisionCompilerTests.HYGIENE));
		engine.getRepositoryService()
			.createDeployment()
			.addInputStream("public-place-hygiene-permit.bpmn", new ByteArrayInputStream(compiled))
			.deploy();
		instance = runtime.startProcessInstanceByKey("public_place_hygiene_permit");
	}

	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		engine.getRepositoryService()
			.createDeploymentQuery()
			.list()
			.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
	}

	@Test
	void startsTwoTimersForTheActiveStepAndTwoForTheCase() {
		assertThat(timers().list()).hasSize(4);
		assertThat(dueDate("SL_Yellow_Task_Accept")).isEqualTo(at(1));
		assertThat(dueDate("SL_Red_Task_Accept")).isEqualTo(at(2));
		assertThat(dueDate("SL_CaseYellowStart")).isEqualTo(at(3));
		assertThat(dueDate("SL_CaseRedStart")).isEqualTo(at(4));
		assertThat(clock.asked).containsExactlyInAnyOrder("stepWarnAt Task_Accept", "stepDeadline Task_Accept",
				"caseWarnAt", "caseDeadline");
	}

	@Test
	void raisesTheStepsYellowThenRedWithoutInterruptingIt() {
		ClockUtil.setCurrentTime(at(1.1));
		execute("SL_Yellow_Task_Accept");

		assertThat(escalations.raised).containsExactly(new Raise(instance.getId(), "Task_Accept", "YELLOW"));
		assertThat(activeTasks()).containsExactly("Task_Accept");
		assertThat(timers().activityId("SL_Red_Task_Accept").count()).isOne();

		ClockUtil.setCurrentTime(at(2.1));
		execute("SL_Red_Task_Accept");

		assertThat(escalations.raised).containsExactly(new Raise(instance.getId(), "Task_Accept", "YELLOW"),
				new Raise(instance.getId(), "Task_Accept", "RED"));
		assertThat(activeTasks()).containsExactly("Task_Accept");
	}

	@Test
	void raisesTheCasesYellowThenRedWithoutInterruptingIt() {
		ClockUtil.setCurrentTime(at(4.1));
		execute("SL_CaseYellowStart");
		execute("SL_CaseRedStart");

		assertThat(escalations.raised).containsExactly(new Raise(instance.getId(), null, "YELLOW"),
				new Raise(instance.getId(), null, "RED"));
		assertThat(activeTasks()).containsExactly("Task_Accept");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).active().count()).isOne();
	}

	@Test
	void movesTheStepClocksToTheNextStepInsideTheSubProcess() {
		ClockUtil.setCurrentTime(at(0.5));
		tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

		assertThat(activeTasks()).containsExactly("Task_DocumentReview");
		assertThat(timers().activityId("SL_Yellow_Task_Accept").count()).isZero();
		assertThat(dueDate("SL_Yellow_Task_DocumentReview")).isEqualTo(at(1.5));
		assertThat(dueDate("SL_Red_Task_DocumentReview")).isEqualTo(at(2.5));
		assertThat(timers().list()).hasSize(4);

		ClockUtil.setCurrentTime(at(1.6));
		execute("SL_Yellow_Task_DocumentReview");

		assertThat(escalations.raised).containsExactly(new Raise(instance.getId(), "Task_DocumentReview", "YELLOW"));
		assertThat(activeTasks()).containsExactly("Task_DocumentReview");
	}

	@ParameterizedTest
	@ValueSource(strings = { "land-use-approval", "government-procurement" })
	void deploysAndStartsTheCompiledSamples(String sample) throws IOException {
		byte[] compiled = new SupervisionCompiler().compile(Files.readAllBytes(Path.of("processes", sample + ".bpmn")));
		String definitionId = engine.getRepositoryService()
			.createDeployment()
			.addInputStream(sample + ".bpmn", new ByteArrayInputStream(compiled))
			.deployWithResult()
			.getDeployedProcessDefinitions()
			.get(0)
			.getId();

		instance = runtime.startProcessInstanceById(definitionId);

		assertThat(timers().activityId("SL_CaseYellowStart").count()).isOne();
		assertThat(timers().activityId("SL_CaseRedStart").count()).isOne();
	}

	private JobQuery timers() {
		return management.createJobQuery().processInstanceId(instance.getId()).timers();
	}

	private Date dueDate(String activityId) {
		return timers().activityId(activityId).singleResult().getDuedate();
	}

	private void execute(String activityId) {
		Job job = timers().activityId(activityId).singleResult();
		assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
		management.executeJob(job.getId());
	}

	private List<String> activeTasks() {
		return tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(task -> task.getTaskDefinitionKey())
			.toList();
	}

	private static Date at(double hours) {
		return new Date(START.getTime() + Math.round(hours * HOUR));
	}

	/** Dates an hour apart from now, so each timer is told apart by its due date. */
	public static final class FixedClock {

		final List<String> asked = new ArrayList<>();

		public Date stepWarnAt(DelegateExecution execution, String stepId) {
			asked.add("stepWarnAt " + stepId);
			return later(1);
		}

		public Date stepDeadline(DelegateExecution execution, String stepId) {
			asked.add("stepDeadline " + stepId);
			return later(2);
		}

		public Date caseWarnAt(DelegateExecution execution) {
			asked.add("caseWarnAt");
			return later(3);
		}

		public Date caseDeadline(DelegateExecution execution) {
			asked.add("caseDeadline");
			return later(4);
		}

		private static Date later(int hours) {
			return new Date(ClockUtil.getCurrentTime().getTime() + hours * HOUR);
		}

	}

	public static final class RecordingEscalations {

		final List<Raise> raised = new ArrayList<>();

		public void raiseStep(DelegateExecution execution, String stepId, String level) {
			raised.add(new Raise(execution.getProcessInstanceId(), stepId, level));
		}

		public void raiseCase(DelegateExecution execution, String level) {
			raised.add(new Raise(execution.getProcessInstanceId(), null, level));
		}

	}

	record Raise(String caseId, String stepId, String level) {
	}

}
