package org.sunlight.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * The public API without sign-in: the catalog of public powers, the sanitized flowchart and case
 * progress by number and code. PORTAL-LAND-001 is the land-use sample with its preliminary review
 * assigned to the user {@code wangxiaoming} and supervised by the user {@code zhaoliuliu}; its case
 * is started for an applicant with a known name, ID number and phone, none of which, nor any
 * username, may appear in a public answer. Each test looks up from its own client address, since
 * the lookup limit is per address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicApiTests {

	static final String APPLICANT = "张三丰";
	static final String ID_NUMBER = "110101199003071234";
	static final String PHONE = "13912345678";
	static final List<String> PERSONAL = List.of(APPLICANT, ID_NUMBER, PHONE, "handler1", "handler2", "wangxiaoming",
			"zhaoliuliu", "某地块征收");

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	String caseId;
	String caseNumber;
	String queryCode;

	@BeforeEach
	void startACaseWithPersonalData() throws Exception {
		clockAt("2026-11-23T09:00");
		deployment.deployIfChanged(Models.bytes("api/portal-assigned-power.bpmn"), "test");
		String body = mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"powerCode":"PORTAL-LAND-001","title":"%s的某地块征收申请",
					 "applicant":{"name":"%s","idNumber":"%s","phone":"%s"}}""".formatted(APPLICANT, APPLICANT,
					ID_NUMBER, PHONE)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		caseId = JsonPath.read(body, "$.caseId");
		caseNumber = JsonPath.read(body, "$.caseNumber");
		queryCode = JsonPath.read(body, "$.queryCode");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theCatalogListsPublicPowersWithTheirDepartmentsNamesAndSearches() throws Exception {
		String all = anonymous(get("/api/public/powers")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("XK-LAND-001")))
			.andExpect(jsonPath("$[*].code", not(hasItem("RS-PERS-001"))))
			.andExpect(jsonPath("$[*].code", not(hasItem("SYS-SUPERVISION-ORDER"))))
			.andExpect(jsonPath("$[?(@.code == 'CF-MKT-001')].departmentName").value("县市场监督管理局"))
			.andExpect(jsonPath("$[?(@.code == 'CF-MKT-001')].departmentId").value("market-regulation-bureau"))
			.andExpect(jsonPath("$[?(@.code == 'XK-LAND-001')].legalBasis", hasItem(containsString("土地管理法"))))
			.andReturn().getResponse().getContentAsString();
		List<String> codes = JsonPath.read(all, "$[*].code");
		List<Boolean> published = JsonPath.read(all, "$[*].isPublic");
		assertThat(published).isEmpty();
		assertThat(codes).doesNotContain("CW-TREASURY-001");
		anonymous(get("/api/public/powers").param("q", "土地管理法")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("XK-LAND-001")))
			.andExpect(jsonPath("$[*].code", not(hasItem("CF-MKT-001"))));
		anonymous(get("/api/public/powers").param("q", "市场监督")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("CF-MKT-001")))
			.andExpect(jsonPath("$[*].code", not(hasItem("XK-LAND-001"))));
		anonymous(get("/api/public/powers").param("q", "xk-land")).andExpect(jsonPath("$[0].code").value("XK-LAND-001"));
		anonymous(get("/api/public/powers").param("category", "PENALTY"))
			.andExpect(jsonPath("$[*].category", not(hasItem("LICENSING"))))
			.andExpect(jsonPath("$[*].code", hasItem("CF-MKT-001")));
		anonymous(get("/api/public/powers").param("department", "land-bureau"))
			.andExpect(jsonPath("$[*].departmentId", not(hasItem("market-regulation-bureau"))))
			.andExpect(jsonPath("$[*].code", hasItem("XK-LAND-001")));
	}

	@Test
	void aPowerShowsItsFourClaritiesByPostNamesAndNeverAPerson() throws Exception {
		String body = anonymous(get("/api/public/powers/PORTAL-LAND-001")).andExpect(status().isOk())
			.andExpect(jsonPath("$.power.name").value("门户测试用地审批"))
			.andExpect(jsonPath("$.power.fee").value("0"))
			.andExpect(jsonPath("$.power.promisedLimit").value("P10D"))
			.andExpect(jsonPath("$.steps[0].name").value("受理"))
			.andExpect(jsonPath("$.steps[0].responsible[0]").value("land-acceptance-window"))
			.andExpect(jsonPath("$.steps[0].timeLimit").value("P1D"))
			.andExpect(jsonPath("$.steps[0].risks[0].code").value("R-LAND-01"))
			.andExpect(jsonPath("$.steps[0].risks[0].measure").value(containsString("首问负责制")))
			.andExpect(jsonPath("$.steps[1].name").value("初审"))
			.andExpect(jsonPath("$.steps[1].responsible[0]").value("指定经办人"))
			.andExpect(jsonPath("$.steps[1].supervisor").value("指定监督人"))
			.andExpect(jsonPath("$.diagram").value(containsString("BPMNShape")))
			.andReturn().getResponse().getContentAsString();
		assertNothingPersonal(body);
		anonymous(get("/api/public/powers/PORTAL-LAND-001").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.steps[1].responsible[0]").value("Designated handler"))
			.andExpect(jsonPath("$.steps[1].supervisor").value("Designated supervisor"));
		// The department's supervision group is a post of the demo organisation, named like its id.
		anonymous(get("/api/public/powers/XK-LAND-001"))
			.andExpect(jsonPath("$.steps[0].supervisor").value("land-bureau-supervision"));
	}

	@Test
	void aPowerThatIsNotPublicIsAsUnknownAsNone() throws Exception {
		String hidden = anonymous(get("/api/public/powers/RS-PERS-001")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("没有这个编码的公开权力事项"))
			.andReturn().getResponse().getContentAsString();
		String unknown = anonymous(get("/api/public/powers/NO-SUCH-001")).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(hidden.replace("RS-PERS-001", "X")).isEqualTo(unknown.replace("NO-SUCH-001", "X"));
		anonymous(get("/api/public/powers/RS-PERS-001/diagram")).andExpect(status().isNotFound());
		anonymous(get("/api/public/powers/NO-SUCH-001/diagram")).andExpect(status().isNotFound());
	}

	@Test
	void theDiagramIsAPlainTextDownloadWithoutExtensionsOrCamundaAttributes() throws Exception {
		String xml = anonymous(get("/api/public/powers/PORTAL-LAND-001/diagram")).andExpect(status().isOk())
			.andExpect(content().contentType("text/plain;charset=UTF-8"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsString();
		assertThat(xml).doesNotContain("camunda:", "sl:", "extensionElements", "conditionExpression", "${",
				"formField", "camunda.org", "urn:sunlight:bpmn");
		assertThat(xml).contains("<bpmn:userTask", "name=\"初审\"", "<bpmn:sequenceFlow", "sourceRef=\"Task_Accept\"",
				"<bpmndi:BPMNShape", "<dc:Bounds", "<bpmndi:BPMNEdge");
		assertNothingPersonal(xml);
	}

	@Test
	void progressShowsStepsDeadlinesLampsAndPausesWithoutPersonalData() throws Exception {
		String accept = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
		mvc.perform(post("/api/tasks/" + accept + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNoContent());
		clockAt("2026-11-23T10:00");
		mvc.perform(post("/api/cases/" + caseId + "/clock/suspend").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"SUPPLEMENT\",\"reason\":\"请" + APPLICANT + "补交身份证 " + ID_NUMBER + "\"}"))
			.andExpect(status().isOk());
		clockAt("2026-11-24T10:00");
		mvc.perform(post("/api/cases/" + caseId + "/clock/resume").with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk());
		clockAt("2026-11-24T11:00");
		mvc.perform(post("/api/tasks/" + accept + "/complete").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"variables\":{\"accepted\":true,\"acceptOpinion\":\"" + APPLICANT + "材料齐全\"}}"))
			.andExpect(status().isNoContent());
		MvcResult result = lookup("10.17.0.1", caseNumber, queryCode.toLowerCase()).andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNumber").value(caseNumber))
			.andExpect(jsonPath("$.applicant").value("张*"))
			.andExpect(jsonPath("$.powerName").value("门户测试用地审批"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.lamp").value("GREEN"))
			.andExpect(jsonPath("$.deadline").exists())
			.andExpect(jsonPath("$.steps[0].name").value("受理"))
			.andExpect(jsonPath("$.steps[0].endedAt").value("2026-11-24T11:00:00+08:00"))
			.andExpect(jsonPath("$.steps[0].lamp").value("DONE"))
			.andExpect(jsonPath("$.steps[1].name").value("初审"))
			.andExpect(jsonPath("$.steps[1].endedAt").doesNotExist())
			.andExpect(jsonPath("$.steps[1].deadline").exists())
			.andExpect(jsonPath("$.steps[1].lamp").value("GREEN"))
			.andExpect(jsonPath("$.steps[1].responsible[0]").value("指定经办人"))
			.andExpect(jsonPath("$.pauses[0].category").value("SUPPLEMENT"))
			.andExpect(jsonPath("$.pauses[0].from").value("2026-11-23T10:00:00+08:00"))
			.andExpect(jsonPath("$.pauses[0].to").value("2026-11-24T10:00:00+08:00"))
			.andExpect(jsonPath("$.pauses[0].reason").doesNotExist())
			.andExpect(jsonPath("$.pauses[0].by").doesNotExist())
			.andReturn();
		String body = result.getResponse().getContentAsString();
		assertNothingPersonal(body);
		assertThat(body).doesNotContain("补交", "caseId", caseId);
		// Nothing public needs or makes a session.
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Set-Cookie")).doesNotContain("JSESSIONID");
	}

	@Test
	void aWrongCodeAndAnUnknownNumberGetTheSame404() throws Exception {
		String wrongCode = lookup("10.17.0.2", caseNumber, "AAAAAAAA").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("没有与该办件编号和查询码相符的办件"))
			.andReturn().getResponse().getContentAsString();
		String unknownNumber = lookup("10.17.0.2", "XK-LAND-001-2026-999999", queryCode)
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrongCode.replace(caseNumber, "N")).isEqualTo(unknownNumber.replace("XK-LAND-001-2026-999999", "N"));
		lookup("10.17.0.2", caseNumber, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("查询码")));
	}

	@Test
	void tenFailedLookupsFromOneAddressWithinAnHourAre429UntilTheClockMoves() throws Exception {
		String client = "10.17.0.3";
		// A found case does not count: ten failures still pass after it.
		lookup(client, caseNumber, queryCode).andExpect(status().isOk());
		for (int i = 0; i < 10; i++) {
			lookup(client, caseNumber, "WRONG" + (100 + i)).andExpect(status().isNotFound());
		}
		lookup(client, caseNumber, "WRONG999").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "360"))
			.andExpect(jsonPath("$.detail").value(containsString("6 分钟后再试")));
		// Not even the right code gets through, so a walk of the codes cannot go on.
		lookup(client, caseNumber, queryCode).andExpect(status().isTooManyRequests());
		lookup("10.17.0.4", caseNumber, queryCode).andExpect(status().isOk());
		clockAt("2026-11-23T09:06");
		lookup(client, caseNumber, "WRONG998").andExpect(status().isNotFound());
		lookup(client, caseNumber, "WRONG997").andExpect(status().isTooManyRequests());
		clockAt("2026-11-23T10:06");
		lookup(client, caseNumber, queryCode).andExpect(status().isOk());
		for (int i = 0; i < 10; i++) {
			lookup(client, caseNumber, "WRONG" + (200 + i)).andExpect(status().isNotFound());
		}
		lookup(client, caseNumber, "WRONG996").andExpect(status().isTooManyRequests());
	}

	@Test
	void everyLookupIsAuditedWithoutTheCode() throws Exception {
		String client = "10.17.0.5";
		Instant since = ClockUtil.getCurrentTime().toInstant();
		lookup(client, caseNumber, queryCode).andExpect(status().isOk());
		for (int i = 0; i < 10; i++) {
			lookup(client, "XK-LAND-001-2026-99999" + i, "ZZZZZZZ" + i).andExpect(status().isNotFound());
		}
		lookup(client, caseNumber, "ZZZZZZZZ").andExpect(status().isTooManyRequests());
		List<String> details = jdbc.queryForList("""
				select details from sl_audit_record where action = 'PUBLIC_CASE_LOOKUP' and actor = 'public'
				and details like ? order by seq""", String.class, "%" + client + "%");
		assertThat(details).hasSize(12);
		assertThat(details.get(0)).contains("FOUND", caseNumber);
		assertThat(details.subList(1, 11)).allSatisfy(d -> assertThat(d).contains("NOT_FOUND"));
		assertThat(details.get(11)).contains("THROTTLED", caseNumber);
		assertThat(String.join("\n", details)).doesNotContain(queryCode, "ZZZZZZZ");
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'PUBLIC_CASE_LOOKUP' and subject_id = ?
				and recorded_at >= ?""", Integer.class, caseId, java.sql.Timestamp.from(since))).isEqualTo(1);
	}

	private ResultActions lookup(String client, String number, String code) throws Exception {
		var request = get("/api/public/cases/" + number);
		if (code != null) {
			request.param("queryCode", code);
		}
		return mvc.perform(request.with(r -> {
			r.setRemoteAddr(client);
			return r;
		}));
	}

	private ResultActions anonymous(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request);
	}

	private static void assertNothingPersonal(String text) {
		assertThat(text).doesNotContain(PERSONAL);
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + ":00+08:00").toInstant()));
	}

}
