package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The organisation: the demo chart, administrators' changes, and refused changes that change nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	Organisation organisation;

	@Test
	void theDemoOrganisationMatchesTheSamplePowers() throws Exception {
		mvc.perform(get("/api/org").with(httpBasic("designer", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.units[0].id").value("demo-county"))
			.andExpect(jsonPath("$.units[0].principalLeader").value("leader"))
			.andExpect(jsonPath("$.units[0].deputies[0].username").value("deputy"))
			.andExpect(jsonPath("$.departments[*].id", hasItem("land-bureau")))
			.andExpect(jsonPath("$.posts[?(@.id == 'land-reviewer')].departmentId", hasItem("land-bureau")))
			.andExpect(jsonPath("$.people[?(@.username == 'handler1')].posts[*]", hasItem("land-reviewer")))
			.andExpect(jsonPath("$.people[?(@.username == 'supervisor')].supervises[*]", hasItem("*")))
			.andExpect(jsonPath("$.people[0].password").doesNotExist())
			.andExpect(jsonPath("$.people[0].passwordHash").doesNotExist());
		mvc.perform(get("/api/org").with(httpBasic("handler1", "demo"))).andExpect(status().isForbidden());
		assertThat(organisation.leadersFor("land-bureau", 1)).containsExactly("user:leader");
		assertThat(organisation.leadersFor("land-bureau", 2)).containsExactly("user:deputy");
		assertThat(organisation.leadersFor("land-bureau", 3)).containsExactly("user:head");
		assertThat(organisation.leadersFor("land-bureau", null)).isEmpty();
		assertThat(organisation.supervisionScope("supervisor").all()).isTrue();
		assertThat(organisation.supervisionScope("handler1").covers("land-bureau")).isFalse();
	}

	@Test
	void anAdministratorBuildsAUnitWithADepartmentAPostAndAPersonWhoGetsItsTasks() throws Exception {
		admin(post("/api/org/units"), "{\"id\":\"east-town\",\"name\":\"东镇人民政府\",\"parentId\":\"demo-county\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.units[?(@.id == 'east-town')].parentId", hasItem("demo-county")));
		admin(post("/api/org/departments"), "{\"id\":\"east-civil\",\"unitId\":\"east-town\",\"name\":\"民政办\"}")
			.andExpect(status().isCreated());
		admin(post("/api/org/posts"), "{\"id\":\"east-civil-clerk\",\"departmentId\":\"east-civil\",\"name\":\"民政专干\"}")
			.andExpect(status().isCreated());
		admin(post("/api/org/people"), """
				{"username":"clerk7","displayName":"民政专干 周七","password":"s3cret-pass","roles":["HANDLER"],
				 "posts":["east-civil-clerk"]}""")
			.andExpect(status().isCreated());
		assertThat(identity.createUserQuery().memberOfGroup("east-civil-clerk").userId("clerk7").count()).isOne();
		mvc.perform(get("/api/me").with(httpBasic("clerk7", "s3cret-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("HANDLER"));

		admin(put("/api/org/units/east-town/leaders"),
				"{\"principal\":\"leader\",\"deputies\":[{\"username\":\"clerk7\",\"departments\":[\"east-civil\"]}]}")
			.andExpect(status().isOk());
		admin(put("/api/org/departments/east-civil"), "{\"name\":\"民政办\",\"headUser\":\"head\"}")
			.andExpect(status().isOk());
		assertThat(organisation.leadersFor("east-civil", 2)).containsExactly("user:clerk7");
		assertThat(organisation.leadersFor("east-civil", 3)).containsExactly("user:head");
		assertThat(organisation.mayDecideExtension("clerk7", "east-civil")).isTrue();
		assertThat(organisation.mayDecideExtension("head", "east-civil")).isFalse();

		admin(put("/api/org/supervisors/clerk7"), "{\"departments\":[\"east-civil\"]}").andExpect(status().isOk());
		assertThat(organisation.supervisionScope("clerk7").covers("east-civil")).isTrue();
		assertThat(organisation.supervisionScope("clerk7").covers("land-bureau")).isFalse();

		admin(put("/api/org/people/clerk7"), "{\"enabled\":false}").andExpect(status().isOk());
		mvc.perform(get("/api/me").with(httpBasic("clerk7", "s3cret-pass"))).andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject(
				"select count(*) from sl_audit_record where action = 'ORGANISATION_CHANGED' and actor = 'admin'",
				Integer.class)).isGreaterThanOrEqualTo(7);
	}

	@Test
	void malformedChangesAreRefusedAndChangeNothing() throws Exception {
		admin(post("/api/org/units"), "{\"id\":\"north\",\"name\":\"北乡\",\"parentId\":\"demo-county\"}")
			.andExpect(status().isCreated());
		admin(post("/api/org/units"), "{\"id\":\"north-village\",\"name\":\"北村\",\"parentId\":\"north\"}")
			.andExpect(status().isCreated());
		String before = chart();

		admin(post("/api/org/units"), "{\"id\":\"lost\",\"name\":\"无主\",\"parentId\":\"nowhere\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("nowhere")));
		admin(put("/api/org/units/north"), "{\"name\":\"北乡\",\"parentId\":\"north-village\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("cycle")));
		admin(put("/api/org/units/north"), "{\"name\":\"北乡\",\"parentId\":\"north\"}")
			.andExpect(status().isUnprocessableEntity());
		admin(post("/api/org/units"), "{\"id\":\"north\",\"name\":\"重复\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("already exists")));
		admin(post("/api/org/units"), "{\"id\":\"bad id/..\",\"name\":\"坏\"}").andExpect(status().isBadRequest());
		admin(post("/api/org/departments"), "{\"id\":\"d1\",\"unitId\":\"no-unit\",\"name\":\"科\"}")
			.andExpect(status().isUnprocessableEntity());
		admin(post("/api/org/posts"), "{\"id\":\"land-reviewer\",\"departmentId\":\"land-bureau\",\"name\":\"重复岗位\"}")
			.andExpect(status().isUnprocessableEntity());
		admin(post("/api/org/people"), "{\"username\":\"p1\",\"displayName\":\"某\",\"password\":\"long-enough\",\"roles\":[\"GOD\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("HANDLER")));
		admin(post("/api/org/people"), "{\"username\":\"p1\",\"displayName\":\"某\",\"password\":\"short\",\"roles\":[\"HANDLER\"]}")
			.andExpect(status().isBadRequest());
		admin(post("/api/org/people"), """
				{"username":"p1","displayName":"某","password":"long-enough","roles":["HANDLER"],"posts":["no-post"]}""")
			.andExpect(status().isUnprocessableEntity());
		admin(post("/api/org/people"), "{\"username\":\"handler1\",\"displayName\":\"重名\",\"password\":\"long-enough\",\"roles\":[\"HANDLER\"]}")
			.andExpect(status().isUnprocessableEntity());
		admin(put("/api/org/people/nobody"), "{\"displayName\":\"无\"}").andExpect(status().isNotFound());
		admin(put("/api/org/units/north/leaders"), "{\"principal\":\"ghost\"}").andExpect(status().isUnprocessableEntity());
		admin(put("/api/org/units/north/leaders"),
				"{\"principal\":\"leader\",\"deputies\":[{\"username\":\"deputy\",\"departments\":[\"land-bureau\"]}]}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("belongs to unit")));
		admin(put("/api/org/supervisors/supervisor"), "{\"departments\":[\"no-such-department\"]}")
			.andExpect(status().isUnprocessableEntity());
		admin(post("/api/org/units"), "{\"id\":").andExpect(status().isBadRequest());
		mvc.perform(post("/api/org/units").with(httpBasic("supervisor", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"sneaky\",\"name\":\"越权\"}")).andExpect(status().isForbidden());

		assertThat(chart()).isEqualTo(before);
		assertThat(identity.createUserQuery().userId("p1").count()).isZero();
	}

	private String chart() throws Exception {
		return mvc.perform(get("/api/org").with(httpBasic("admin", "demo"))).andReturn().getResponse()
			.getContentAsString();
	}

	private ResultActions admin(MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(request.with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
