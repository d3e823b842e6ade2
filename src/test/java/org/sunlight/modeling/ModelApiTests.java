package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.sunlight.support.Models;
import org.sunlight.support.Reviews;

/** The models and catalog API of API.md, through the full stack on the default H2 database. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ModelApiTests {

	private static final String SEAL = Models.text("api/seal-engraving-permit.bpmn");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repository;

	@Test
	void validatesAModelWithoutDeployingIt() throws Exception {
		long before = repository.createDeploymentQuery().count();
		mvc.perform(asDesigner(post("/api/models/validate").content(SEAL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void validationListsEveryProblemWithItsElement() throws Exception {
		String broken = SEAL.replace(" supervisor=\"group:discipline-office\" riskLevel=\"3\"", " riskLevel=\"3\"");
		mvc.perform(asDesigner(post("/api/models/validate").content(broken)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("Task_Accept")))
			.andExpect(jsonPath("$.problems[0].severity").exists())
			.andExpect(jsonPath("$.problems[0].code").exists())
			.andExpect(jsonPath("$.problems[0].message").exists());
	}

	@Test
	void eachDeploymentIsANewVersionWithItsSourceKept() throws Exception {
		String code = "TEST-VERSIONS-001";
		// A department the demo designer draws for.
		String v1 = SEAL.replace("TEST-SEAL-001", code).replace("seal_engraving_permit", "seal_versions")
			.replace("public-security-bureau", "land-bureau");
		String v2 = v1.replace("promisedLimit=\"P3D\"", "promisedLimit=\"P4D\"");
		assertThat(Reviews.publish(mvc, v1)).isEqualTo(1);
		assertThat(Reviews.publish(mvc, v2)).isEqualTo(2);

		mvc.perform(get("/api/powers").with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].version").value(2))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].promisedLimit").value("P4D"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].public").value(true));
		mvc.perform(get("/api/powers/" + code).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("公章刻制备案"))
			.andExpect(jsonPath("$.legalBasis").value(containsString("第六条")))
			.andExpect(jsonPath("$.versions.length()").value(2))
			.andExpect(jsonPath("$.steps[0].id").value("Task_Accept"))
			.andExpect(jsonPath("$.steps[0].candidateGroups[0]").value("seal-window"))
			.andExpect(jsonPath("$.steps[0].timeLimit").value("P1D"))
			.andExpect(jsonPath("$.steps[0].supervisor").value("group:discipline-office"))
			.andExpect(jsonPath("$.steps[0].riskLevel").value(3))
			.andExpect(jsonPath("$.steps[0].risks[0].measure").value("一次性告知，受理结果系统留痕"));

		String source = body(mvc.perform(get("/api/powers/" + code + "/bpmn?version=1").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
			.andReturn());
		assertThat(source).isEqualTo(v1);
		String compiled = body(mvc.perform(get("/api/powers/" + code + "/bpmn?compiled=true").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(compiled).contains("SL_Yellow_Task_Accept", "SL_Red_Task_Decide", "SL_CaseRed", "P4D");
	}

	@Test
	void refusesAnInvalidModelWithEveryProblemAndDeploysNothing() throws Exception {
		String invalid = SEAL.replace("TEST-SEAL-001", "TEST-INVALID-001")
			.replace("seal_engraving_permit", "seal_invalid")
			.replace(" camunda:candidateGroups=\"seal-leader\"", "")
			.replace("category=\"CONFIRMATION\"", "category=\"MAGIC\"");
		long deployments = repository.createDeploymentQuery().count();
		mvc.perform(asDesigner(post("/api/models").content(invalid)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("Task_Decide")))
			.andExpect(jsonPath("$.problems[*].elementId", hasItem("seal_invalid")));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(jdbc.queryForObject("select count(*) from sl_power_version where power_code = 'TEST-INVALID-001'",
				Integer.class)).isZero();
		mvc.perform(get("/api/powers/TEST-INVALID-001").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aModelThatBreaksTheBpmnSchemaGetsProblemsWithTheirPlaceNotARefusal() throws Exception {
		String broken = SEAL.replace("</bpmn:process>", "<bpmn:bogus/></bpmn:process>");
		mvc.perform(asDesigner(post("/api/models/validate").content(broken)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.problems[0].code").value("BPMN_SCHEMA"))
			.andExpect(jsonPath("$.problems[0].line").isNumber())
			.andExpect(jsonPath("$.problems[0].column").isNumber())
			.andExpect(jsonPath("$.problems[0].message").value(containsString("不符合 BPMN 2.0 规范")));
		long deployments = repository.createDeploymentQuery().count();
		mvc.perform(asDesigner(post("/api/models").content(broken)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.problems[0].code").value("BPMN_SCHEMA"));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void aModelWithTheSchemaLocationsToolsWriteIsPublishedWithoutThem() throws Exception {
		String code = "TEST-HINTS-001";
		String hinted = SEAL.replace("TEST-SEAL-001", code).replace("seal_engraving_permit", "seal_hints")
			.replace("public-security-bureau", "land-bureau")
			.replaceFirst("<bpmn:definitions ", "<bpmn:definitions xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
					+ "xsi:schemaLocation=\"http://www.omg.org/spec/BPMN/20100524/MODEL BPMN20.xsd\" ");
		assertThat(Reviews.publish(mvc, hinted)).isEqualTo(1);
		String compiled = body(mvc.perform(get("/api/powers/" + code + "/bpmn?compiled=true").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(compiled).contains("SL_Yellow_Task_Accept").doesNotContain("schemaLocation");
	}

	@Test
	void refusesXmlThatIsNotAModelWith400() throws Exception {
		mvc.perform(asDesigner(post("/api/models").content("<bpmn:definitions")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("MALFORMED"));
		mvc.perform(asDesigner(post("/api/models").content("<html><body>not a model</body></html>")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("NOT_BPMN"));
		mvc.perform(asDesigner(post("/api/models/validate").content("")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesHostileXmlBeforeExpandingAnything() throws Exception {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ SEAL.substring(SEAL.indexOf("<bpmn:definitions")).replace("公章刻制备案", "&x;");
		long deployments = repository.createDeploymentQuery().count();
		mvc.perform(asDesigner(post("/api/models").content(xxe)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("HOSTILE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("root:"))));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void refusesModelsOverTwoMegabytesWith413() throws Exception {
		String padding = "<!--" + "x".repeat(2 * 1024 * 1024) + "-->";
		mvc.perform(asDesigner(post("/api/models").content(SEAL.replace("</bpmn:definitions>", padding + "</bpmn:definitions>"))))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.reason").value("TOO_LARGE"));
	}

	@Test
	void onlyDesignersDeployAndOnlySignedInUsersRead() throws Exception {
		mvc.perform(post("/api/models").content(SEAL).with(httpBasic("handler1", "demo")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/models").content(SEAL))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		mvc.perform(get("/api/powers"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/powers").with(httpBasic("designer", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void browserSessionsNeedTheCsrfToken() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", "designer").param("password", "demo"))
			.andExpect(status().isOk());
		RequestPostProcessor sessionCookie = request -> {
			request.setRequestedSessionId(session.getId());
			return request;
		};
		mvc.perform(post("/api/models/validate").session(session).with(sessionCookie).content(SEAL))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/models/validate").session(session).with(sessionCookie).with(csrf()).content(SEAL))
			.andExpect(status().isOk());
	}

	@Test
	void unknownPowersAndVersionsAre404() throws Exception {
		mvc.perform(get("/api/powers/NO-SUCH").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("NO-SUCH")));
		mvc.perform(get("/api/powers/NO-SUCH/bpmn").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/powers/XK-LAND-001/bpmn?version=999").with(httpBasic("designer", "demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/powers/XK-LAND-001/bpmn?version=abc").with(httpBasic("designer", "demo")))
			.andExpect(status().isBadRequest());
	}

	private static MockHttpServletRequestBuilder asDesigner(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("designer", "demo")).contentType(MediaType.APPLICATION_XML);
	}

	private static String body(MvcResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
