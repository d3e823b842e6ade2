package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.support.Models;

/**
 * The two published flaws of Camunda 7.24 CE (ARCHITECTURE.md) and the model code allow-list,
 * end to end through Sunlight's own API: no engine REST API or webapp for anyone, no setup
 * endpoint to create an administrator, no expressions in engine queries, and no model that runs
 * code of the uploader's choosing gets deployed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CamundaFlawTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	@Test
	void theEngineRestApiAndTheWebappsAreAbsentEvenForAdministrators() throws Exception {
		for (String path : new String[] { "/engine-rest/task", "/engine-rest/user", "/camunda/app/cockpit/default/",
				"/camunda/app/admin/default/", "/camunda/api/engine/engine/" }) {
			mvc.perform(get(path).with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
		}
		// CVE-2026-109432: an orQueries expression through the REST task query.
		mvc.perform(post("/engine-rest/task").with(httpBasic("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAdminSetupEndpointCannotCreateAUser() throws Exception {
		// CVE-2026-77226: the Admin webapp's setup endpoint creates the first administrator.
		long users = identity.createUserQuery().count();
		mvc.perform(post("/camunda/api/admin/setup/default/user/create").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":{\"id\":\"evil\",\"firstName\":\"e\",\"lastName\":\"vil\"},"
					+ "\"credentials\":{\"password\":\"evil-pass\"}}"))
			.andExpect(status().isNotFound());
		assertThat(identity.createUserQuery().count()).isEqualTo(users);
		assertThat(identity.createUserQuery().userId("evil").count()).isZero();
	}

	@Test
	void expressionsInEngineQueriesAreDisabled() {
		assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("xpression");
		assertThatThrownBy(() -> tasks.createTaskQuery()
			.or()
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.endOr()
			.list()).isInstanceOf(ProcessEngineException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"<bpmn:scriptTask id=\"Evil\" scriptFormat=\"javascript\"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>",
			"<bpmn:serviceTask id=\"Evil\" camunda:class=\"org.example.Evil\"/>",
			"<bpmn:serviceTask id=\"Evil\" camunda:delegateExpression=\"${dataSource}\"/>",
			"<bpmn:serviceTask id=\"Evil\" camunda:expression=\"${execution.getProcessEngineServices().getIdentityService()}\"/>",
			"<bpmn:serviceTask id=\"Evil\" camunda:expression=\"${slClock.getClass().forName('java.lang.Runtime')}\"/>",
			"<bpmn:serviceTask id=\"Evil\"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>",
			"<bpmn:task id=\"Evil\"><bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">'rm -rf /'.execute()</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>",
			"<bpmn:task id=\"Evil\"><bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\"${execution.getProcessEngineServices()}\"/></bpmn:extensionElements></bpmn:task>" })
	void aModelThatWouldRunCodeIsRefusedAndNothingIsDeployed(String element) throws Exception {
		long deployments = repository.createDeploymentQuery().count();
		String xml = Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"TEST-EVIL-001\"")
			.replace("id=\"seal_engraving_permit\"", "id=\"test_evil\"")
			.replace("</bpmn:process>", element + "</bpmn:process>");
		mvc.perform(post("/api/models").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(xml))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("Evil")));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void onlyDesignersDeploy() throws Exception {
		mvc.perform(post("/api/models").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(Models.text("api/seal-engraving-permit.bpmn")))
			.andExpect(status().isForbidden());
	}

}
