package org.sunlight.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.support.Imports;
import org.sunlight.support.Models;
import org.sunlight.support.Reviews;

/** The designer's drafts, deployment from a draft, the comparison and the organisation, full stack on H2. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class DraftApiTests {

	private static final String SEAL = Models.text("api/seal-engraving-permit.bpmn");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	private static String power(String code, String processId) {
		// A department the demo designer draws for.
		return SEAL.replace("TEST-SEAL-001", code).replace("seal_engraving_permit", processId)
			.replace("public-security-bureau", "land-bureau");
	}

	private JsonNode create(String xml) throws Exception {
		String body = mvc.perform(asDesigner(post("/api/designer/drafts")).content(json(Map.of("xml", xml))))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}

	@Test
	void aDraftIsSavedReopenedAndListedWithItsPowerCode() throws Exception {
		JsonNode draft = create(power("TEST-DRAFT-001", "draft_one"));
		String id = draft.get("id").asText();
		assertThat(draft.get("powerCode").asText()).isEqualTo("TEST-DRAFT-001");
		assertThat(draft.get("revision").asInt()).isEqualTo(1);

		String changed = power("TEST-DRAFT-001", "draft_one").replace("公章刻制备案", "公章刻制备案（再造）");
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).content(json(Map.of("revision", 1, "xml", changed))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.name").value("公章刻制备案（再造）"))
			.andExpect(jsonPath("$.updatedBy").value("designer"));

		mvc.perform(get("/api/designer/drafts/" + id).with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.xml").value(changed));
		mvc.perform(get("/api/designer/drafts").with(httpBasic("admin", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].powerCode").value("TEST-DRAFT-001"))
			.andExpect(jsonPath("$[0].xml").doesNotExist());
	}

	@Test
	void aStaleSaveIsRefusedWith409AndChangesNothing() throws Exception {
		String id = create(power("TEST-DRAFT-002", "draft_two")).get("id").asText();
		String first = power("TEST-DRAFT-002", "draft_two").replace("公章刻制备案", "第一个标签页");
		String second = power("TEST-DRAFT-002", "draft_two").replace("公章刻制备案", "第二个标签页");
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).content(json(Map.of("revision", 1, "xml", first))))
			.andExpect(status().isOk());

		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).content(json(Map.of("revision", 1, "xml", second))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("revision 2")))
			.andExpect(jsonPath("$.currentRevision").value(2))
			.andExpect(jsonPath("$.updatedBy").value("designer"));
		assertThat(jdbc.queryForObject("select name from sl_designer_draft where id = ?", String.class, id))
			.isEqualTo("第一个标签页");

		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).header("If-Match", "\"1\"")
			.content(json(Map.of("xml", second))))
			.andExpect(status().isConflict());
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).header("If-Match", "\"2\"")
			.content(json(Map.of("xml", first))))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""));
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).header("If-Match", "*")
			.content(json(Map.of("xml", second))))
			.andExpect(status().isBadRequest());

		mvc.perform(asDesigner(delete("/api/designer/drafts/" + id + "?revision=2")))
			.andExpect(status().isConflict());
		mvc.perform(asDesigner(delete("/api/designer/drafts/" + id + "?revision=3")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/designer/drafts/" + id).with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void importingWhatIsNotASafeModelIsRefusedAndStoresNothing() throws Exception {
		int before = drafts();
		mvc.perform(asDesigner(post("/api/designer/drafts")).content(json(Map.of("xml", "<html><body>hello</body></html>"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("NOT_BPMN"))
			.andExpect(jsonPath("$.detail").value(containsString("not a BPMN 2.0 model")));
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ SEAL.substring(SEAL.indexOf("<bpmn:definitions")).replace("公章刻制备案", "&x;");
		mvc.perform(asDesigner(post("/api/designer/drafts")).content(json(Map.of("xml", xxe))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("HOSTILE"));
		mvc.perform(asDesigner(post("/api/designer/drafts")).content("{\"xml\": \"\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(asDesigner(post("/api/designer/drafts")).content(json(Map.of("xml", "x".repeat(2 * 1024 * 1024 + 1)))))
			.andExpect(status().isPayloadTooLarge());
		assertThat(drafts()).isEqualTo(before);

		String id = create(power("TEST-DRAFT-003", "draft_three")).get("id").asText();
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).content(json(Map.of("revision", 1, "xml", "<oops"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("MALFORMED"));
		mvc.perform(asDesigner(put("/api/designer/drafts/" + id)).content(json(Map.of("xml", SEAL))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("revision")));
		assertThat(jdbc.queryForObject("select revision from sl_designer_draft where id = ?", Integer.class, id)).isEqualTo(1);
	}

	@Test
	void deployingAnInvalidDraftListsItsProblemsAndKeepsTheDraft() throws Exception {
		String invalid = power("TEST-DRAFT-004", "draft_four").replace(" camunda:candidateGroups=\"seal-leader\"", "");
		String id = create(invalid).get("id").asText();
		mvc.perform(asDesigner(post("/api/designer/drafts/" + id + "/deploy")).content("{\"revision\": 1}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("Task_Decide")));
		assertThat(jdbc.queryForObject("select count(*) from sl_power_version where power_code = 'TEST-DRAFT-004'",
				Integer.class)).isZero();
		mvc.perform(get("/api/designer/drafts/" + id).with(httpBasic("designer", "demo"))).andExpect(status().isOk());
	}

	@Test
	void deployingADraftMakesVersionsThatCanBeCompared() throws Exception {
		String v1 = power("TEST-DRAFT-005", "draft_five");
		String first = create(v1).get("id").asText();
		mvc.perform(asDesigner(post("/api/designer/drafts/" + first + "/deploy")).content("{\"revision\": 2}"))
			.andExpect(status().isConflict());
		mvc.perform(asDesigner(post("/api/designer/drafts/" + first + "/deploy")).content("{\"revision\": 1}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.powerCode").value("TEST-DRAFT-005"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));
		Reviews.approve(mvc, "TEST-DRAFT-005", 1);
		mvc.perform(get("/api/designer/drafts/" + first).with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());

		String v2 = v1.replace("promisedLimit=\"P3D\"", "promisedLimit=\"P2D\"")
			.replace("<sl:step timeLimit=\"P2D\"", "<sl:step timeLimit=\"PT4H\"");
		String second = create(v2).get("id").asText();
		mvc.perform(asDesigner(post("/api/designer/drafts/" + second + "/deploy")).content("{\"revision\": 1}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.version").value(2));

		// The reviewer compares the version in review with the live one before deciding.

		mvc.perform(get("/api/designer/powers/TEST-DRAFT-005/comparison?from=1&to=2").with(httpBasic("reviewer", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.before.version").value(1))
			.andExpect(jsonPath("$.after.version").value(2))
			.andExpect(jsonPath("$.before.figures.steps").value(2))
			.andExpect(jsonPath("$.before.figures.longestPath").value("P3D"))
			.andExpect(jsonPath("$.after.figures.longestPath").value("P1DT4H"))
			.andExpect(jsonPath("$.difference.longestPath").value("-P1DT20H"))
			.andExpect(jsonPath("$.difference.promisedLimit").value("-P1D"))
			.andExpect(jsonPath("$.elements.changed[*].id", hasItem("Task_Decide")))
			.andExpect(jsonPath("$.elements.added").isEmpty());
		Reviews.approve(mvc, "TEST-DRAFT-005", 2);
		mvc.perform(get("/api/designer/powers/TEST-DRAFT-005/comparison?from=1&to=9").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("no version 9")));
		mvc.perform(get("/api/designer/powers/NO-SUCH/comparison?from=1&to=2").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/designer/powers/TEST-DRAFT-005/comparison?from=x&to=2").with(httpBasic("designer", "demo")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theOrganisationListsPostsAndPeople() throws Exception {
		mvc.perform(get("/api/designer/org").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[*].id", hasItem("handler1")))
			.andExpect(jsonPath("$.posts[*].id", hasItem("land-reviewer")))
			.andExpect(jsonPath("$.posts[*].id", hasItem("discipline-office")));
	}

	@Test
	void onlyDesignersChangeDraftsAndAdministratorsMayRead() throws Exception {
		mvc.perform(get("/api/designer/drafts").with(httpBasic("handler1", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/designer/org").with(httpBasic("supervisor", "demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/designer/drafts")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/designer/drafts").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
		mvc.perform(post("/api/designer/drafts").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("xml", SEAL)))).andExpect(status().isForbidden());
	}

	@Test
	void aFlowchartFromAnotherToolBecomesADraftAndThenAPublishedPower() throws Exception {
		byte[] signavio = Imports.file("signavio");
		String body = mvc.perform(post("/api/designer/imports").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.header("Accept-Language", "zh-CN")
			.content(signavio))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.processId").value("sid-7F3C2A10"))
			.andExpect(jsonPath("$.drawn").value(true))
			.andExpect(jsonPath("$.notes[*].code", hasItem("CONDITION_DROPPED")))
			.andExpect(jsonPath("$.notes[*].code", hasItem("LANE_BECAME_NEW_POST")))
			.andExpect(jsonPath("$.problems[*].code", hasItem("MISSING_POWER_CODE")))
			.andReturn().getResponse().getContentAsString();
		// Its own process id: the corpus test below publishes the same file as another power.
		String proposed = json.readTree(body).get("xml").asText().replace("sid-7F3C2A10", "sid-api");
		assertThat(proposed).doesNotContain("signavio:", "xmlns:signavio", "schemaLocation");
		// The wizard opens the proposal as a draft; the designer fills in what only a person can say.
		create(proposed);
		byte[] limitsOnly = Imports.fillIn(proposed, "signavio-api", false);
		// Signavio wrote its conditions in words: the engine would refuse the gateway, and says so now.
		mvc.perform(post("/api/models").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(limitsOnly))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[*].code", hasItem("ENGINE_REFUSED")))
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("sid-GW")));
		String filled = new String(Imports.withConditions(limitsOnly), StandardCharsets.UTF_8);
		assertThat(Reviews.publish(mvc, filled)).isEqualTo(1);
		mvc.perform(get("/api/powers/IMP-SIGNAVIO-API").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("食品经营许可"));
	}

	/** Every file of the corpus is deployed by the engine once a designer has filled it in. */
	@Test
	void everyFileOfTheImportCorpusIsPublishedOnceFilledIn() throws Exception {
		for (String file : Imports.CORPUS) {
			String body = mvc.perform(post("/api/designer/imports" + ("flowable".equals(file) ? "?process=landUse" : ""))
				.with(httpBasic("designer", "demo"))
				.contentType(MediaType.APPLICATION_XML)
				.content(Imports.file(file)))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			String proposed = json.readTree(body).get("xml").asText();
			byte[] filled = Imports.withConditions(Imports.fillIn(proposed, file, "activiti".equals(file)));
			assertThat(Reviews.publish(mvc, new String(filled, StandardCharsets.UTF_8))).as(file).isEqualTo(1);
		}
	}

	@Test
	void anImportNamesWhatIsWrongAndChangesNothing() throws Exception {
		int before = drafts();
		mvc.perform(post("/api/designer/imports").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content("<html><body>not a model</body></html>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("NOT_BPMN"));
		mvc.perform(post("/api/designer/imports?process=nothing").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(Imports.file("flowable")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/designer/imports").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(Imports.file("flowable")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.xml").doesNotExist())
			.andExpect(jsonPath("$.processes[*].id", hasItem("applicantProcess")));
		mvc.perform(post("/api/designer/imports?process=" + "p".repeat(300)).with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(Imports.file("flowable")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/designer/imports").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(Imports.file("flowable")))
			.andExpect(status().isForbidden());
		assertThat(drafts()).isEqualTo(before);
	}

	private int drafts() {
		return jdbc.queryForObject("select count(*) from sl_designer_draft", Integer.class);
	}

	private String json(Object value) throws Exception {
		return json.writeValueAsString(value);
	}

	private static MockHttpServletRequestBuilder asDesigner(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("designer", "demo")).contentType(MediaType.APPLICATION_JSON);
	}

}
