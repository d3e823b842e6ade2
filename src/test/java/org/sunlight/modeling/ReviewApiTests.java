package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunlight.support.Models;
import org.sunlight.support.Reviews;

/**
 * Who may change which power, and review (法制审核): system powers only from Sunlight, designers
 * only their departments' powers, a new version live only once a second person approved it.
 * Review is on, as by default.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ReviewApiTests {

	private static final String SEAL = Models.text("api/seal-engraving-permit.bpmn");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	/** The password of the people a test adds; the demo people's is {@code demo}. */
	private static final String PASSWORD = "review-pass-1";

	private static final List<String> ADDED = List.of("both", "everything", "landdesigner");

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return httpBasic(username, ADDED.contains(username) ? PASSWORD : "demo");
	}

	private static String power(String code, String processId) {
		return SEAL.replace("TEST-SEAL-001", code).replace("seal_engraving_permit", processId)
			.replace("public-security-bureau", "land-bureau");
	}

	private ResultActions submit(String xml, String as) throws Exception {
		return mvc.perform(post("/api/models").with(as(as))
			.contentType(MediaType.APPLICATION_XML)
			.content(xml));
	}

	private ResultActions decide(String code, int version, String decision, String as, String body) throws Exception {
		return mvc.perform(post("/api/powers/" + code + "/versions/" + version + "/" + decision)
			.with(as(as))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String startCase(String code) throws Exception {
		String body = mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"" + code + "\",\"applicant\":{\"name\":\"某某公司\"}}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String caseId = JsonPath.read(body, "$.caseId");
		return runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId();
	}

	private String definitionOf(String code, int version) {
		return jdbc.queryForObject("select process_definition_id from sl_power_version where power_code = ? and version = ?",
				String.class, code, version);
	}

	private List<String> audit(String code) {
		return jdbc.queryForList("select action || ' by ' || actor from sl_audit_record where subject_type = 'power' "
				+ "and subject_id = ? order by seq", String.class, code);
	}

	private int rows(String table, String code) {
		return jdbc.queryForObject("select count(*) from " + table + " where power_code = ?", Integer.class, code);
	}

	/** An administrator adds a person with these roles drawing these departments' powers. */
	private void person(String username, String roles, String departments) throws Exception {
		mvc.perform(post("/api/org/people").with(httpBasic("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD + "\","
					+ "\"roles\":" + roles + "}"))
			.andExpect(status().isCreated());
		mvc.perform(put("/api/org/designers/" + username).with(httpBasic("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"departments\":" + departments + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[?(@.username == '" + username + "')].draws[*]", hasItem(
					departments.replaceAll("[\\[\\]\"]", "").split(",")[0])));
	}

	@Test
	void aNewVersionWaitsInReviewWhileCasesRunOnTheLiveOneAndGoesLiveWhenApproved() throws Exception {
		String code = "TEST-REVIEW-001";
		String v1 = power(code, "review_one");
		String v2 = v1.replace("promisedLimit=\"P3D\"", "promisedLimit=\"P4D\"");
		Reviews.publish(mvc, v1);
		long deployments = repository.createDeploymentQuery().count();

		submit(v2, "designer").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.powerCode").value(code))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.problems").isArray())
			.andExpect(jsonPath("$.processDefinitionId").doesNotExist());

		assertThat(repository.createDeploymentQuery().count()).as("nothing goes to Camunda before approval")
			.isEqualTo(deployments);
		assertThat(rows("sl_power_version", code)).isEqualTo(1);
		assertThat(startCase(code)).isEqualTo(definitionOf(code, 1));
		mvc.perform(get("/api/powers/" + code).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.promisedLimit").value("P3D"))
			.andExpect(jsonPath("$.versions.length()").value(1));
		mvc.perform(get("/api/reviews?status=IN_REVIEW").with(httpBasic("reviewer", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.powerCode == '" + code + "')].version").value(2))
			.andExpect(jsonPath("$[?(@.powerCode == '" + code + "')].submittedBy").value("designer"))
			.andExpect(jsonPath("$[?(@.powerCode == '" + code + "')].department").value("land-bureau"));
		mvc.perform(get("/api/reviews/" + code + "/2/bpmn").with(httpBasic("reviewer", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(v2));

		decide(code, 2, "approve", "reviewer", "{\"note\":\"依据充分\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.drawnBy").value("designer"))
			.andExpect(jsonPath("$.approvedBy").value("reviewer"));

		assertThat(startCase(code)).isEqualTo(definitionOf(code, 2));
		mvc.perform(get("/api/powers/" + code).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.promisedLimit").value("P4D"))
			.andExpect(jsonPath("$.versions[1].drawnBy").value("designer"))
			.andExpect(jsonPath("$.versions[1].approvedBy").value("reviewer"));
		mvc.perform(get("/api/reviews/" + code + "/2").with(httpBasic("designer", "demo")))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.reviewedBy").value("reviewer"))
			.andExpect(jsonPath("$.note").value("依据充分"));
		assertThat(audit(code)).containsSubsequence("POWER_SUBMITTED by designer", "POWER_APPROVED by reviewer",
				"POWER_DEPLOYED by designer", "POWER_SUBMITTED by designer", "POWER_APPROVED by reviewer",
				"POWER_DEPLOYED by designer");
	}

	@Test
	void aNewPowerInReviewCannotBeStarted() throws Exception {
		submit(power("TEST-REVIEW-002", "review_two"), "designer").andExpect(status().isAccepted());
		mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"TEST-REVIEW-002\",\"applicant\":{\"name\":\"某某公司\"}}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/powers/TEST-REVIEW-002").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAuthorCannotApproveTheirOwnVersionEvenHoldingTheReviewerRole() throws Exception {
		person("both", "[\"DESIGNER\",\"REVIEWER\"]", "[\"*\"]");
		String code = "TEST-REVIEW-003";
		submit(power(code, "review_three"), "both").andExpect(status().isAccepted());

		decide(code, 1, "approve", "both", "{}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.powerCode").value(code))
			.andExpect(jsonPath("$.detail").value(containsString(code)));
		decide(code, 1, "reject", "both", "{\"reason\":\"撤回\"}").andExpect(status().isForbidden());
		decide(code, 1, "approve", "designer", "{}").andExpect(status().isForbidden());
		assertThat(rows("sl_power_version", code)).isZero();
		assertThat(jdbc.queryForObject("select status from sl_power_submission where power_code = ?", String.class, code))
			.isEqualTo("IN_REVIEW");

		decide(code, 1, "approve", "reviewer", "{}").andExpect(status().isOk());
		decide(code, 1, "approve", "reviewer", "{}").andExpect(status().isConflict());
		assertThat(rows("sl_power_version", code)).isEqualTo(1);
	}

	@Test
	void aRejectionNeedsAReasonAndLeavesTheLiveVersion() throws Exception {
		String code = "TEST-REVIEW-004";
		String v1 = power(code, "review_four");
		Reviews.publish(mvc, v1);
		submit(v1.replace("name=\"公章刻制备案\"", "name=\"公章刻制\""), "designer").andExpect(status().isAccepted());

		decide(code, 2, "reject", "reviewer", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("reason")));
		decide(code, 2, "reject", "reviewer", "{\"reason\":\"  \"}").andExpect(status().isBadRequest());
		assertThat(jdbc.queryForObject("select status from sl_power_submission where power_code = ? and version = 2",
				String.class, code)).isEqualTo("IN_REVIEW");

		decide(code, 2, "reject", "reviewer", "{\"reason\":\"缺少法律依据条款\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.note").value("缺少法律依据条款"));
		mvc.perform(get("/api/reviews?mine=true").with(httpBasic("designer", "demo")))
			.andExpect(jsonPath("$[?(@.powerCode == '" + code + "' && @.version == 2)].status").value("REJECTED"))
			.andExpect(jsonPath("$[?(@.powerCode == '" + code + "' && @.version == 2)].note").value("缺少法律依据条款"));
		decide(code, 2, "approve", "reviewer", "{}").andExpect(status().isConflict());
		mvc.perform(get("/api/powers/" + code).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.name").value("公章刻制备案"));
		assertThat(startCase(code)).isEqualTo(definitionOf(code, 1));
		assertThat(audit(code)).endsWith("POWER_SUBMITTED by designer", "POWER_REJECTED by reviewer");

		submit(v1.replace("P3D", "P2D"), "designer").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.version").value(3));
	}

	@Test
	void aVersionWaitingBehindANewerLiveOneIsSupersededAndCannotGoLive() throws Exception {
		String code = "TEST-REVIEW-005";
		String v1 = power(code, "review_five");
		Reviews.publish(mvc, v1);
		submit(v1.replace("P3D", "P2D"), "designer").andExpect(jsonPath("$.version").value(2));
		submit(v1.replace("P3D", "P1D"), "designer").andExpect(jsonPath("$.version").value(3));

		decide(code, 3, "approve", "reviewer", "{}").andExpect(status().isOk());
		mvc.perform(get("/api/reviews/" + code + "/2").with(httpBasic("reviewer", "demo")))
			.andExpect(jsonPath("$.status").value("SUPERSEDED"));
		decide(code, 2, "approve", "reviewer", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("SUPERSEDED")));
		mvc.perform(get("/api/powers/" + code).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.version").value(3))
			.andExpect(jsonPath("$.versions[*].version", not(hasItem(2))));
		assertThat(startCase(code)).isEqualTo(definitionOf(code, 3));
	}

	@Test
	void nobodyDeploysASystemPowerThroughTheApi() throws Exception {
		String order;
		try (java.io.InputStream in = getClass().getResourceAsStream("/org/sunlight/supervision/supervision-order.bpmn")) {
			order = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		person("everything", "[\"DESIGNER\"]", "[\"*\"]");
		long deployments = repository.createDeploymentQuery().count();
		int versions = rows("sl_power_version", SupervisionOrdersCode.CODE);
		String hijacked = order.replace("camunda:assignee=\"${orderAssignee}\"", "camunda:assignee=\"everything\"");

		for (String who : List.of("designer", "everything")) {
			submit(hijacked, who).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.powerCode").value(SupervisionOrdersCode.CODE))
				.andExpect(jsonPath("$.detail").value(containsString(SupervisionOrdersCode.CODE)));
		}
		String draft = mvc.perform(post("/api/designer/drafts").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("xml", hijacked))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(draft, "$.id");
		mvc.perform(post("/api/designer/drafts/" + id + "/deploy").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\": 1}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("系统事项")));
		mvc.perform(get("/api/designer/drafts/" + id).with(httpBasic("designer", "demo"))).andExpect(status().isOk());

		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(rows("sl_power_version", SupervisionOrdersCode.CODE)).isEqualTo(versions);
		assertThat(rows("sl_power_submission", SupervisionOrdersCode.CODE)).isZero();
		assertThat(SystemPowers.isSystem("sys-anything")).isTrue();
		assertThat(SystemPowers.isSystem("XK-SYS-001")).isFalse();
	}

	@Test
	void aDesignerSubmitsOnlyTheirDepartmentsPowers() throws Exception {
		person("landdesigner", "[\"DESIGNER\"]", "[\"land-bureau\"]");
		String land = power("TEST-REVIEW-006", "review_six");
		String finance = land.replace("department=\"land-bureau\"", "department=\"finance-bureau\"");

		submit(finance, "landdesigner").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.powerCode").value("TEST-REVIEW-006"))
			.andExpect(jsonPath("$.detail").value(containsString("finance-bureau")));
		assertThat(rows("sl_power_submission", "TEST-REVIEW-006")).isZero();
		assertThat(rows("sl_power_version", "TEST-REVIEW-006")).isZero();

		submit(land, "landdesigner").andExpect(status().isAccepted());

		// Moving another department's power into one's own is changing the other department's power.
		String other = power("TEST-REVIEW-007", "review_seven").replace("department=\"land-bureau\"",
				"department=\"finance-bureau\"");
		Reviews.publish(mvc, other);
		submit(other.replace("department=\"finance-bureau\"", "department=\"land-bureau\""), "landdesigner")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("finance-bureau")));
		assertThat(rows("sl_power_submission", "TEST-REVIEW-007")).isEqualTo(1);

		mvc.perform(put("/api/org/designers/landdesigner").with(httpBasic("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"departments\":[\"no-such-bureau\"]}"))
			.andExpect(status().isUnprocessableEntity());
		mvc.perform(put("/api/org/designers/landdesigner").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"departments\":[\"*\"]}"))
			.andExpect(status().isForbidden());
	}

	/** The supervision order's code, as SupervisionOrders names it (Supervision is not Modeling's to use). */
	private static final class SupervisionOrdersCode {

		static final String CODE = "SYS-SUPERVISION-ORDER";

	}

}
