package org.sunlight.casework;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The handler workspace's API: a task's form and the server's check of it, comments and
 * attachments kept with the case, the powers a handler may start, supervision orders and the
 * live feed of lamps. The land-use sample (XK-LAND-001) starts on Monday 23 November 2026, 09:00
 * in Beijing; its acceptance step is due Tuesday 17:30.
 */
@SpringBootTest(properties = { "sunlight.casework.attachment-max-bytes=4096",
		"sunlight.tasks.stream-poll-millis=3600000" })
@AutoConfigureMockMvc
class WorkspaceApiTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskStream stream;

	@Autowired
	IdentityService identity;

	String caseId;

	String taskId;

	@BeforeEach
	void startACase() throws Exception {
		clockAt("2026-11-23T09:00");
		String body = mvc.perform(json(post("/api/cases"), "handler1", """
				{"powerCode":"XK-LAND-001","applicant":{"name":"某某置业有限公司"}}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		caseId = JsonPath.read(body, "$.caseId");
		taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aTaskShowsItsFormFieldsToThoseItIsOfferedTo() throws Exception {
		mvc.perform(get("/api/tasks/" + taskId).with(httpBasic("handler2", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.task.caseNumber", containsString("XK-LAND-001-2026-")))
			.andExpect(jsonPath("$.task.applicantName").value("某某置业有限公司"))
			.andExpect(jsonPath("$.task.running").value(true))
			.andExpect(jsonPath("$.task.dayLength").value("PT7H"))
			.andExpect(jsonPath("$.claimable").value(true))
			.andExpect(jsonPath("$.mine").value(false))
			.andExpect(jsonPath("$.description", containsString("窗口审查")))
			.andExpect(jsonPath("$.fields[0].id").value("materialsComplete"))
			.andExpect(jsonPath("$.fields[0].type").value("boolean"))
			.andExpect(jsonPath("$.fields[0].required").value(false))
			.andExpect(jsonPath("$.fields[1].id").value("accepted"))
			.andExpect(jsonPath("$.fields[1].required").value(true))
			.andExpect(jsonPath("$.fields[2].label").value("受理意见（不予受理须写明理由）"));
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/tasks/" + taskId).with(httpBasic("handler2", "demo")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.holder").value("handler1"));
		mvc.perform(get("/api/tasks?scope=candidate").with(httpBasic("handler2", "demo")))
			.andExpect(jsonPath("$[*].taskId", not(hasItem(taskId))));
		mvc.perform(get("/api/tasks/" + taskId).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mine").value(false));
		mvc.perform(get("/api/tasks/no-such").with(httpBasic("handler1", "demo"))).andExpect(status().isNotFound());
	}

	@Test
	void aFormWithMissingOrWrongValuesNamesEveryFieldAndCompletesNothing() throws Exception {
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")));
		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1", """
				{"variables":{"materialsComplete":"yes","acceptOpinion":"  ","surprise":1},"comment":"不应保存"}"""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'surprise')].code").value("UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'materialsComplete')].code").value("TYPE"))
			.andExpect(jsonPath("$.errors[?(@.field == 'accepted')].code").value("REQUIRED"))
			.andExpect(jsonPath("$.errors[?(@.field == 'acceptOpinion')].code").value("REQUIRED"));
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(tasks.getProcessInstanceComments(caseId)).isEmpty();
		assertThat(tasks.getVariables(taskId)).doesNotContainKeys("materialsComplete", "acceptOpinion");

		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1", """
				{"variables":{"materialsComplete":true,"accepted":"true","acceptOpinion":"材料齐全，予以受理"}}"""))
			.andExpect(status().isNoContent());
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
		String survey = advanceTo("Task_SiteSurvey");
		mvc.perform(post("/api/tasks/" + survey + "/claim").with(httpBasic("handler1", "demo")));
		mvc.perform(json(post("/api/tasks/" + survey + "/complete"), "handler1", """
				{"variables":{"surveyDate":"24/11/2026","surveyRecord":"已踏勘"}}"""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("surveyDate"))
			.andExpect(jsonPath("$.errors[0].code").value("TYPE"));
		mvc.perform(json(post("/api/tasks/" + survey + "/complete"), "handler1", """
				{"variables":{"surveyDate":"2026-11-24","surveyRecord":"已踏勘，现状为空地"}}"""))
			.andExpect(status().isNoContent());
		assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ = 'surveyDate'",
				Integer.class, caseId)).isEqualTo(1);
	}

	@Test
	void aTaskClaimedByAnotherMeanwhileIsAConflictNamingThem() throws Exception {
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler2", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.holder").value("handler2"))
			.andExpect(jsonPath("$.detail", containsString("handler2")));
		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1", """
				{"variables":{"accepted":true,"acceptOpinion":"予以受理"}}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("handler2")));
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void theCaseViewCarriesItsPowerAndItsExtensionRequest() throws Exception {
		mvc.perform(json(post("/api/cases/" + caseId + "/extensions"), "handler1",
				"{\"amount\":\"P5D\",\"reason\":\"需组织专家论证\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.legalBasis", containsString("土地管理法")))
			.andExpect(jsonPath("$.powerVersion").value(1))
			.andExpect(jsonPath("$.startedBy").value("handler1"))
			.andExpect(jsonPath("$.timeLimit").value("P10D"))
			.andExpect(jsonPath("$.steps[0].timeLimit").value("P1D"))
			.andExpect(jsonPath("$.extension.status").value("REQUESTED"))
			.andExpect(jsonPath("$.extension.amount").value("P5D"));
	}

	@Test
	void commentsAreKeptWithTheCase() throws Exception {
		mvc.perform(json(post("/api/cases/" + caseId + "/comments"), "handler1",
				"{\"message\":\"申请人电话确认材料已补齐\",\"taskId\":\"" + taskId + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.author").value("handler1"))
			.andExpect(jsonPath("$.stepName").value("受理"));
		mvc.perform(get("/api/cases/" + caseId + "/comments").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].message").value("申请人电话确认材料已补齐"));
		mvc.perform(json(post("/api/cases/" + caseId + "/comments"), "handler1", "{\"message\":\" \"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/cases/" + caseId + "/comments"), "handler1",
				"{\"message\":\"x\",\"taskId\":\"no-such\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/cases/" + caseId + "/comments"), "supervisor", "{\"message\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/cases/no-such/comments"), "handler1", "{\"message\":\"x\"}"))
			.andExpect(status().isNotFound());
		assertThat(tasks.getProcessInstanceComments(caseId)).hasSize(1);
	}

	@Test
	void attachmentsAreCheckedForSizeAndKindAndServedAsDownloads() throws Exception {
		String body = mvc.perform(post("/api/cases/" + caseId + "/attachments").param("name", "C:\\材料\\申请书.pdf")
			.param("taskId", taskId)
			.with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_PDF)
			.content(PDF))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("申请书.pdf"))
			.andExpect(jsonPath("$.size").value(PDF.length))
			.andExpect(jsonPath("$.stepName").value("受理"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/cases/" + caseId + "/attachments").with(httpBasic("handler2", "demo")))
			.andExpect(jsonPath("$[0].uploadedBy").value("handler1"));
		mvc.perform(get("/api/cases/" + caseId + "/attachments/" + id).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(PDF));

		mvc.perform(get("/api/cases/attachment-rules").with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.maxBytes").value(4096))
			.andExpect(jsonPath("$.contentTypes", hasItem("application/pdf")));
		mvc.perform(upload("run.exe", "application/x-msdownload", new byte[] { 'M', 'Z' }))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(upload("photo.pdf", "application/pdf", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail", containsString("photo.pdf")));
		mvc.perform(upload("big.txt", "text/plain", "字".repeat(2000).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isPayloadTooLarge());
		mvc.perform(upload("", "text/plain", "x".getBytes(StandardCharsets.UTF_8))).andExpect(status().isBadRequest());
		mvc.perform(upload("empty.txt", "text/plain", new byte[0])).andExpect(status().isBadRequest());
		mvc.perform(post("/api/cases/" + caseId + "/attachments").param("name", "a.txt")
			.with(httpBasic("designer", "demo"))
			.contentType(MediaType.TEXT_PLAIN)
			.content("x")).andExpect(status().isForbidden());
		mvc.perform(get("/api/cases/" + caseId + "/attachments/no-such").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from sl_case_attachment where case_id = ?", Integer.class,
				caseId)).isEqualTo(1);
	}

	@Test
	void handlersStartOnlyPowersOfTheirAcceptingPosts() throws Exception {
		mvc.perform(get("/api/cases/startable").with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'XK-LAND-001')].acceptingPosts[0]").value("land-acceptance-window"))
			.andExpect(jsonPath("$[?(@.code == 'XK-LAND-001')].acceptingStep").value("受理"))
			.andExpect(jsonPath("$[*].code", not(hasItem("SYS-SUPERVISION-ORDER"))));
		mvc.perform(json(post("/api/cases"), "handler1",
				"{\"powerCode\":\"SYS-SUPERVISION-ORDER\",\"applicant\":{\"name\":\"张三\"}}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aHandlerOutsideThePostNeitherStartsNorReadsTheCase() throws Exception {
		identity.deleteMembership("handler2", "land-acceptance-window");
		try {
			mvc.perform(get("/api/cases/startable").with(httpBasic("handler2", "demo")))
				.andExpect(jsonPath("$[*].code", not(hasItem("XK-LAND-001"))));
			mvc.perform(json(post("/api/cases"), "handler2", "{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"张三\"}}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("land-acceptance-window")));
			mvc.perform(get("/api/tasks/" + taskId).with(httpBasic("handler2", "demo"))).andExpect(status().isForbidden());
			mvc.perform(get("/api/cases/" + caseId).with(httpBasic("handler2", "demo"))).andExpect(status().isForbidden());
			mvc.perform(get("/api/cases/" + caseId + "/comments").with(httpBasic("handler2", "demo")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/api/cases/" + caseId + "/attachments").with(httpBasic("handler2", "demo")))
				.andExpect(status().isForbidden());
			mvc.perform(json(post("/api/cases/" + caseId + "/comments"), "handler2", "{\"message\":\"x\"}"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler2", "demo")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/api/tasks").with(httpBasic("handler2", "demo")))
				.andExpect(jsonPath("$[*].taskId", not(hasItem(taskId))));
			assertThat(tasks.getProcessInstanceComments(caseId)).isEmpty();
		}
		finally {
			identity.createMembership("handler2", "land-acceptance-window");
		}
	}

	@Test
	void anOrderReachesTheHandlerAndTheReplyReachesTheSupervisor() throws Exception {
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")));
		fireDue(caseId, at("2026-11-24T17:30"));
		String escalationId = jdbc.queryForObject(
				"select id from sl_escalation where case_id = ? and level = 'RED'", String.class, caseId);
		mvc.perform(json(post("/api/escalations/" + escalationId + "/orders"), "supervisor",
				"{\"instruction\":\"请于今日内办结并说明延误原因\",\"replyWithin\":\"PT4H\"}"))
			.andExpect(status().isCreated());

		String orders = mvc.perform(get("/api/orders").with(httpBasic("handler1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].instruction").value("请于今日内办结并说明延误原因"))
			.andExpect(jsonPath("$[0].issuedBy").value("supervisor"))
			.andExpect(jsonPath("$[0].caseId").value(caseId))
			.andExpect(jsonPath("$[0].lamp").value("GREEN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String replyTask = JsonPath.read(orders, "$[0].taskId");
		mvc.perform(get("/api/tasks/" + replyTask).with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.task.order").value(true))
			.andExpect(jsonPath("$.instruction").value("请于今日内办结并说明延误原因"))
			.andExpect(jsonPath("$.supervisedCaseId").value(caseId))
			.andExpect(jsonPath("$.fields[0].id").value("reply"));
		mvc.perform(post("/api/tasks/" + replyTask + "/claim").with(httpBasic("handler1", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(json(post("/api/tasks/" + replyTask + "/complete"), "handler1", "{\"variables\":{}}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("reply"));
		mvc.perform(json(post("/api/tasks/" + replyTask + "/complete"), "handler1",
				"{\"variables\":{\"reply\":\"已于当日办结，延误系材料补正所致\"}}"))
			.andExpect(status().isNoContent());

		mvc.perform(get("/api/orders").with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$[*].escalationId", not(hasItem(escalationId))));
		mvc.perform(get("/api/orders").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.escalationId == '" + escalationId + "')].reply")
				.value("已于当日办结，延误系材料补正所致"))
			.andExpect(jsonPath("$[?(@.escalationId == '" + escalationId + "')].repliedBy").value("handler1"))
			.andExpect(jsonPath("$[?(@.escalationId == '" + escalationId + "')].lamp").value("DONE"));
		mvc.perform(get("/api/orders").with(httpBasic("designer", "demo"))).andExpect(status().isForbidden());
	}

	@Test
	void theLiveFeedSendsALampChangeWhenTheClockPassesTheDeadline() throws Exception {
		mvc.perform(post("/api/tasks/" + taskId + "/claim").with(httpBasic("handler1", "demo")));
		MvcResult feed = mvc.perform(get("/api/tasks/stream").with(httpBasic("handler1", "demo")))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(feed.getResponse().getContentAsString()).contains("event:summary");
		stream.poll();
		assertThat(feed.getResponse().getContentAsString()).doesNotContain("event:task");

		clockAt("2026-11-24T17:31");
		stream.poll();
		String events = feed.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(events).contains("event:task", "\"taskId\":\"" + taskId + "\"", "\"lamp\":\"RED\"");
		assertThat(events.split("event:summary", -1)).as("a new summary follows the change").hasSize(3);

		mvc.perform(json(post("/api/tasks/" + taskId + "/complete"), "handler1", """
				{"variables":{"accepted":false,"acceptOpinion":"材料不齐"}}"""))
			.andExpect(status().isNoContent());
		stream.poll();
		assertThat(feed.getResponse().getContentAsString()).contains("event:removed");
	}

	private MockHttpServletRequestBuilder upload(String name, String type, byte[] content) {
		return post("/api/cases/" + caseId + "/attachments").param("name", name)
			.with(httpBasic("handler1", "demo"))
			.contentType(type)
			.content(content);
	}

	/** Completes the land-use steps up to the named one and answers its task. */
	private String advanceTo(String activityId) {
		for (int i = 0; i < 5; i++) {
			var open = tasks.createTaskQuery().processInstanceId(caseId).list();
			var target = open.stream().filter(t -> t.getTaskDefinitionKey().equals(activityId)).findFirst();
			if (target.isPresent()) {
				return target.get().getId();
			}
			open.forEach(t -> tasks.complete(t.getId(), java.util.Map.of("planConformity", true,
					"preliminaryOpinion", "符合规划")));
		}
		throw new AssertionError("never reached " + activityId);
	}

	private void fireDue(String caseId, Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery()
			.processInstanceId(caseId)
			.timers()
			.list()
			.stream()
			.filter(job -> job.getDuedate().toInstant().equals(due))
			.toList();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(at(beijing)));
	}

}
