package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.sunlight.support.Models;

/**
 * With {@code sunlight.history.clock-activities} set, a fired clock is in Camunda's activity
 * history like any element (by default it is not: EscalationTimeTravelTests).
 */
@SpringBootTest(properties = "sunlight.history.clock-activities=true")
class ClockHistoryOptionTests {

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anAdministratorMayKeepTheClocksInCamundasHistory() {
		String definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		String caseId = runtime.startProcessInstanceById(definitionId, "TEST-" + System.nanoTime()).getId();
		Task accept = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Accept").singleResult();
		ClockUtil.setCurrentTime(accept.getFollowUpDate());
		Job yellow = management.createJobQuery().processInstanceId(caseId).activityId("SL_Yellow_Task_Accept")
			.singleResult();
		management.executeJob(yellow.getId());

		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseId).list())
			.extracting(HistoricActivityInstance::getActivityId)
			.contains("Task_Accept", "SL_Yellow_Task_Accept", "SL_YellowEnd_Task_Accept");
	}

}
