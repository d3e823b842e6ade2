package org.sunlight.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunlight.complaint.internal.ComplaintRetention;
import org.sunlight.support.Challenges;

/**
 * Complaints end to end through the public API and the workspace: filing (named, anonymous, each
 * subject kind, every refusal), the real ALTCHA challenge solved here, following by number and
 * code, the discipline office working the complaint case, its lamps as the engine clock moves, a
 * substantiated complaint's finding in the evaluation, masked phones and the retention erasure.
 * Each test files from its own client address, since the lookup limit is per address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComplaintApiTests {

	static final String NAME = "李四光";
	static final String PHONE = "13812345678";
	static final String MASKED = "138****5678";
	static final String OFFICE = "discipline-office";

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ComplaintRetention retention;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void monday() {
		clockAt("2026-11-23T09:00");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void citizensFileNamedOrAnonymousAboutAPowerADepartmentOrACaseAndGetANumberAndCode() throws Exception {
		String client = "10.42.0.1";
		Map<String, Object> power = file(client, Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text",
				"窗口要求提交法律没有规定的材料", "name", NAME, "phone", PHONE)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.complaintNumber", matchesPattern("SYS-COMPLAINT-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.queryCode", matchesPattern("[A-HJ-NP-Z2-9]{8}")))
			.andExpect(jsonPath("$.acceptBy").value("2026-11-30T17:30:00+08:00"))
			.andReturn().getResponse().getContentAsString().transform(this::map);
		// Anonymous: the name and phone the form sent along are not kept.
		Map<String, Object> department = file(client, Map.of("subjectKind", "department", "departmentId",
				"land-bureau", "text", "办事大厅长期无人值守", "anonymous", true, "name", NAME, "phone", PHONE))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().transform(this::map);
		Started landCase = startLandCase();
		Map<String, Object> ofCase = file(client, Map.of("subjectKind", "CASE", "caseNumber", landCase.number(),
				"caseQueryCode", landCase.code().toLowerCase(), "text", "受理后一直没有进展", "name", NAME, "phone",
				"138-1234-5678")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
			.transform(this::map);

		Map<String, Object> row = complaintRow(power);
		assertThat(row).containsEntry("SUBJECT_KIND", "POWER").containsEntry("SUBJECT_POWER_CODE", "XK-LAND-001")
			.containsEntry("SUBJECT_DEPARTMENT", "land-bureau").containsEntry("COMPLAINANT_NAME", NAME)
			.containsEntry("COMPLAINANT_PHONE", PHONE).containsEntry("ANONYMOUS", false);
		assertThat(complaintRow(department)).containsEntry("SUBJECT_KIND", "DEPARTMENT")
			.containsEntry("SUBJECT_DEPARTMENT", "land-bureau").containsEntry("ANONYMOUS", true)
			.containsEntry("COMPLAINANT_NAME", null).containsEntry("COMPLAINANT_PHONE", null);
		Map<String, Object> caseRow = complaintRow(ofCase);
		assertThat(caseRow).containsEntry("SUBJECT_KIND", "CASE").containsEntry("SUBJECT_CASE_ID", landCase.id())
			.containsEntry("SUBJECT_LABEL", landCase.number());
		// The finding of a complaint about a case goes against the step open when it was filed.
		assertThat(caseRow.get("SUBJECT_TASK_ID"))
			.isEqualTo(tasks.createTaskQuery().processInstanceId(landCase.id()).singleResult().getId());
		// Each is a case of SYS-COMPLAINT waiting for the discipline office's acceptance.
		Task accept = acceptTask(power);
		assertThat(accept.getName()).isEqualTo("受理审查");
		assertThat(tasks.getIdentityLinksForTask(accept.getId())).anyMatch(l -> "complaint-handler".equals(l.getGroupId()));
		// The trail records each filing, never the complainant's name, phone or text.
		List<String> audited = jdbc.queryForList(
				"select details from sl_audit_record where action = 'COMPLAINT_FILED' and details like ?", String.class,
				"%" + client + "%");
		assertThat(audited).hasSize(3);
		assertThat(String.join("\n", audited)).doesNotContain(NAME, PHONE, "5678", "窗口要求", "无人值守");
		// The discipline office hears of it at once, in the filing's transaction (the outbox), never who filed it.
		List<Map<String, Object>> told = jdbc.queryForList(
				"select recipient, subject, body from sl_notification where event_kind = 'COMPLAINT_FILED' and event_key = ?"
						+ " and channel = 'IN_APP'", accept.getProcessInstanceId());
		assertThat(told).extracting(m -> m.get("RECIPIENT")).contains("inspector");
		assertThat(told.toString()).contains((String) power.get("complaintNumber")).doesNotContain(NAME, PHONE);
	}

	@Test
	void everyBadFilingIsRefusedPreciselyAndStartsNothing() throws Exception {
		String client = "10.42.0.2";
		int before = complaints();
		Map<String, Object> good = Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text", "投诉内容", "name",
				NAME, "phone", PHONE);
		file(client, without(good, "text")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("text")));
		file(client, without(good, "subjectKind")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("subjectKind")));
		file(client, with(good, "subjectKind", "WEATHER")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("WEATHER")));
		file(client, without(good, "name")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("name")));
		file(client, without(good, "phone")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("phone")));
		file(client, with(good, "phone", "call me")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("联系电话")));
		file(client, with(good, "text", "字".repeat(2001))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("text")))
			.andExpect(jsonPath("$.detail").value(containsString("2,000")));
		file(client, with(good, "name", "名".repeat(65))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("name")));
		file(client, with(good, "powerCode", "RS-PERS-001")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("没有这个编码的公开权力事项"));
		file(client, Map.of("subjectKind", "DEPARTMENT", "departmentId", "no-such-bureau", "text", "x", "anonymous",
				true)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("没有这个部门"));
		mvc.perform(post("/api/public/complaints").contentType(MediaType.APPLICATION_JSON).content("[1]"))
			.andExpect(status().isBadRequest());

		// The challenge: garbage, a wrong number, a solution used twice.
		filing(client, with(good, "challenge", "not-base64!")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("人机验证")));
		Map<String, Object> challenge = challenge();
		String wrong = Challenges.payload(challenge, Challenges.solve(challenge) + 1);
		filing(client, with(good, "challenge", wrong)).andExpect(status().isBadRequest());
		String solved = Challenges.payload(challenge, Challenges.solve(challenge));
		filing(client, with(good, "challenge", solved)).andExpect(status().isCreated());
		filing(client, with(good, "challenge", solved)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already used")));
		assertThat(complaints()).isEqualTo(before + 1);

		// A wrong code and an unknown case number: the same answer, and each counts as a failed lookup.
		Started landCase = startLandCase();
		String wrongCode = file(client, Map.of("subjectKind", "CASE", "caseNumber", landCase.number(), "caseQueryCode",
				"AAAAAAAA", "text", "x", "anonymous", true)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("没有与该办件编号和查询码相符的办件"))
			.andReturn().getResponse().getContentAsString();
		String unknown = file(client, Map.of("subjectKind", "CASE", "caseNumber", "XK-LAND-001-2026-999999",
				"caseQueryCode", landCase.code(), "text", "x", "anonymous", true)).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrongCode).isEqualTo(unknown);
		file(client, Map.of("subjectKind", "CASE", "caseNumber", landCase.number(), "text", "x", "anonymous", true))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("caseQueryCode")));
		assertThat(complaints()).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'PUBLIC_CASE_LOOKUP' and details like ?
				and details like '%NOT_FOUND%'""", Integer.class, "%" + client + "%")).isEqualTo(2);
	}

	@Test
	void theDisciplineOfficeAcceptsInvestigatesAndAnswersAndTheComplainantFollowsWithoutPersonalData()
			throws Exception {
		String client = "10.42.0.3";
		Map<String, Object> filed = file(client, Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text",
				"窗口工作人员态度恶劣", "name", NAME, "phone", PHONE)).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString().transform(this::map);
		String number = (String) filed.get("complaintNumber");
		String code = (String) filed.get("queryCode");
		follow(client, number, code).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.subjectKind").value("POWER"))
			.andExpect(jsonPath("$.subject").value(containsString("XK-LAND-001")))
			.andExpect(jsonPath("$.lamp").value("GREEN"))
			.andExpect(jsonPath("$.steps[0].name").value("受理审查"))
			.andExpect(jsonPath("$.steps[0].responsible[0]").value("投诉举报受理岗"))
			.andExpect(jsonPath("$.answer").doesNotExist());

		// The discipline office's inspector sees it in the workspace with the phone masked.
		String caseId = caseOf(filed);
		String list = mvc.perform(get("/api/tasks").param("scope", "candidate").with(httpBasic("inspector", "demo")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].caseNumber", hasItem(number)))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain(PHONE);
		String view = mvc.perform(get("/api/cases/" + caseId).with(httpBasic("inspector", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applicantName").value(NAME))
			.andExpect(jsonPath("$.applicantPhone").value(MASKED))
			.andReturn().getResponse().getContentAsString();
		assertThat(view).doesNotContain(PHONE);
		mvc.perform(get("/api/tasks/" + acceptTask(filed).getId()).with(httpBasic("inspector", "demo")))
			.andExpect(jsonPath("$..fields[?(@.id == 'complaintText')].value", hasItem("窗口工作人员态度恶劣")));

		clockAt("2026-11-24T10:00");
		work("Task_Accept", caseId, Map.of("accepted", true, "acceptOpinion", "属于受理范围"));
		follow(client, number, code).andExpect(jsonPath("$.status").value("INVESTIGATING"))
			.andExpect(jsonPath("$.steps[0].endedAt").value("2026-11-24T10:00:00+08:00"))
			.andExpect(jsonPath("$.steps[1].name").value("调查核实"));
		clockAt("2026-11-26T10:00");
		work("Task_Investigate", caseId, Map.of("investigation", "经调取窗口录像核实，工作人员确有推诿", "substantiated",
				"partly", "fault", "none"));
		follow(client, number, code).andExpect(jsonPath("$.status").value("ANSWERING"));
		clockAt("2026-11-27T10:00");
		work("Task_Answer", caseId, Map.of("answer", "经核实，您反映的问题部分属实，已责令整改并对相关人员批评教育。"));
		String answered = follow(client, number, code).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.conclusion").value("PARTLY"))
			.andExpect(jsonPath("$.answer").value(containsString("已责令整改")))
			.andExpect(jsonPath("$.closedAt").value("2026-11-27T10:00:00+08:00"))
			.andExpect(jsonPath("$.steps.length()").value(3))
			.andExpect(jsonPath("$.steps[2].endedAt").value("2026-11-27T10:00:00+08:00"))
			.andExpect(jsonPath("$.refusalReason").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		// Nothing personal, not even the complainant's own data; posts, never people; not the findings.
		assertThat(answered).doesNotContain(NAME, PHONE, "5678", "inspector", "吴刚", caseId, "录像");
		// Partly substantiated but nobody at fault: no finding.
		assertThat(jdbc.queryForObject("select count(*) from sl_finding where case_id = ? or complaint_id = ?",
				Integer.class, caseId, complaintRow(filed).get("ID"))).isZero();

		// The same 404 for a wrong code and an unknown number; a case's number is no complaint's.
		String wrong = follow(client, number, "AAAAAAAA").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("没有与该投诉编号和查询码相符的投诉"))
			.andReturn().getResponse().getContentAsString();
		String none = follow(client, "SYS-COMPLAINT-2026-999999", code).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrong.replace(number, "N")).isEqualTo(none.replace("SYS-COMPLAINT-2026-999999", "N"));
		Started landCase = startLandCase();
		follow(client, landCase.number(), landCase.code()).andExpect(status().isNotFound());
		// Nor can a complaint be followed as a case.
		mvc.perform(get("/api/public/cases/" + number).param("queryCode", code).with(from(client)))
			.andExpect(status().isNotFound());
		follow(client, number, null).andExpect(status().isBadRequest());
	}

	@Test
	void aRefusedComplaintShowsItsReason() throws Exception {
		String client = "10.42.0.4";
		Map<String, Object> filed = file(client, Map.of("subjectKind", "DEPARTMENT", "departmentId", "land-bureau",
				"text", "邻居家装修噪音太大", "anonymous", true)).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString().transform(this::map);
		work("Task_Accept", caseOf(filed), Map.of("accepted", false, "acceptOpinion", "不属于本机关受理范围，请向住建部门反映"));
		follow(client, (String) filed.get("complaintNumber"), (String) filed.get("queryCode"))
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.refusalReason").value(containsString("住建部门")))
			.andExpect(jsonPath("$.answer").doesNotExist())
			.andExpect(jsonPath("$.steps.length()").value(1));
	}

	@Test
	void failedFollowsAndCaseChecksShareTheLookupLimit() throws Exception {
		String client = "10.42.0.5";
		for (int i = 0; i < 10; i++) {
			follow(client, "SYS-COMPLAINT-2026-99999" + i, "WRONG00" + i).andExpect(status().isNotFound());
		}
		follow(client, "SYS-COMPLAINT-2026-999999", "WRONG999").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "360"));
		mvc.perform(get("/api/public/cases/XK-LAND-001-2026-999999").param("queryCode", "WRONG998").with(from(client)))
			.andExpect(status().isTooManyRequests());
		assertThat(jdbc.queryForObject("""
				select count(*) from sl_audit_record where action = 'PUBLIC_COMPLAINT_LOOKUP' and details like ?""",
				Integer.class, "%" + client + "%")).isEqualTo(11);
	}

	@Test
	void theComplaintsLampsTurnYellowAndRedInTheConsoleAsTheEngineClockMoves() throws Exception {
		String client = "10.42.0.6";
		Map<String, Object> filed = file(client, Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text",
				"没有人处理", "anonymous", true)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString().transform(this::map);
		String caseId = caseOf(filed);
		Task accept = acceptTask(filed);
		// Five working days from Monday 09:00 (the calendar counts whole days), warned two days before.
		assertThat(accept.getDueDate().toInstant()).isEqualTo(at("2026-11-30T17:30"));
		fire(caseId, accept.getFollowUpDate().toInstant());
		board().andExpect(jsonPath("$.stepsByPower[?(@.key == 'SYS-COMPLAINT')].yellow", hasItem(
				org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.steps[0].lamp").value("YELLOW"));
		fire(caseId, accept.getDueDate().toInstant());
		board().andExpect(jsonPath("$.stepsByPower[?(@.key == 'SYS-COMPLAINT')].red", hasItem(
				org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		mvc.perform(get("/api/cases/" + caseId).with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.steps[0].lamp").value("RED"));
		assertThat(jdbc.queryForList("select level from sl_escalation where case_id = ? and scope = 'STEP' order by raised_at",
				String.class, caseId)).containsExactly("YELLOW", "RED");
		String red = mvc.perform(get("/api/escalations").param("caseId", caseId).param("level", "RED")
			.with(httpBasic("supervisor", "demo"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].powerCode").value("SYS-COMPLAINT"))
			.andReturn().getResponse().getContentAsString();
		assertThat(red).doesNotContain("13812345678");
		follow(client, (String) filed.get("complaintNumber"), (String) filed.get("queryCode"))
			.andExpect(jsonPath("$.steps[0].lamp").value("RED"));
	}

	@Test
	void aSubstantiatedComplaintBecomesAFindingThatLowersTheEvaluation() throws Exception {
		String client = "10.42.0.7";
		String department = "civil-affairs-bureau";
		double faultsBefore = faults(department);
		Map<String, Object> filed = file(client, Map.of("subjectKind", "DEPARTMENT", "departmentId", department, "text",
				"救助金发放不公开", "anonymous", true)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString().transform(this::map);
		String caseId = caseOf(filed);
		work("Task_Accept", caseId, Map.of("accepted", true, "acceptOpinion", "受理"));
		work("Task_Investigate", caseId, Map.of("investigation", "发放名单未公示", "substantiated", "substantiated",
				"fault", "process"));
		Map<String, Object> finding = jdbc.queryForMap("select * from sl_finding where complaint_id = ?",
				complaintRow(filed).get("ID"));
		assertThat(finding).containsEntry("KIND", "PROCESS_AT_FAULT").containsEntry("DEPARTMENT", department)
			.containsEntry("CASE_ID", null).containsEntry("ESCALATION_ID", null);
		assertThat(faults(department)).isEqualTo(faultsBefore + 1);

		// About a case: against the step that was open, on its run.
		Started landCase = startLandCase();
		Map<String, Object> ofCase = file(client, Map.of("subjectKind", "CASE", "caseNumber", landCase.number(),
				"caseQueryCode", landCase.code(), "text", "拖着不办", "anonymous", true)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().transform(this::map);
		String step = tasks.createTaskQuery().processInstanceId(landCase.id()).singleResult().getId();
		work("Task_Accept", caseOf(ofCase), Map.of("accepted", true, "acceptOpinion", "受理"));
		work("Task_Investigate", caseOf(ofCase), Map.of("investigation", "超期未审", "substantiated", "substantiated",
				"fault", "handler"));
		assertThat(jdbc.queryForMap("select task_id, case_id, kind from sl_finding where complaint_id = ?",
				complaintRow(ofCase).get("ID"))).containsEntry("TASK_ID", step).containsEntry("CASE_ID", landCase.id())
			.containsEntry("KIND", "HANDLER_AT_FAULT");
		assertThat(jdbc.queryForObject("select finding from sl_step_run where task_id = ?", String.class, step))
			.isEqualTo("HANDLER_AT_FAULT");

		// Unsubstantiated: a fault named by mistake makes no finding.
		Map<String, Object> unfounded = file(client, Map.of("subjectKind", "DEPARTMENT", "departmentId", department,
				"text", "无端猜测", "anonymous", true)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString().transform(this::map);
		work("Task_Accept", caseOf(unfounded), Map.of("accepted", true, "acceptOpinion", "受理"));
		work("Task_Investigate", caseOf(unfounded), Map.of("investigation", "查无实据", "substantiated",
				"unsubstantiated", "fault", "handler"));
		assertThat(jdbc.queryForObject("select count(*) from sl_finding where complaint_id = ?", Integer.class,
				complaintRow(unfounded).get("ID"))).isZero();
		assertThat(faults(department)).isEqualTo(faultsBefore + 1);
	}

	@Test
	void phonesShowMaskedEverywhere() {
		assertThat(Phones.mask("13812345678")).isEqualTo(MASKED);
		assertThat(Phones.mask("138-1234-5678")).isEqualTo(MASKED);
		assertThat(Phones.mask("0571 8888 6666")).isEqualTo("057*****6666");
		assertThat(Phones.mask("1234567")).isEqualTo("*******");
		assertThat(Phones.mask(" ")).isNull();
	}

	@Test
	void theComplainantsNameAndPhoneAreErasedThreeYearsAfterTheComplaintCloses() throws Exception {
		String client = "10.42.0.8";
		Map<String, Object> filed = file(client, Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text",
				"要求吃拿卡要", "name", NAME, "phone", PHONE)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString().transform(this::map);
		Map<String, Object> open = file(client, Map.of("subjectKind", "POWER", "powerCode", "XK-LAND-001", "text",
				"还没办完", "name", "王五", "phone", "13900001111")).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString().transform(this::map);
		String caseId = caseOf(filed);
		clockAt("2026-11-24T10:00");
		work("Task_Accept", caseId, Map.of("accepted", false, "acceptOpinion", "重复投诉"));
		assertThat(complaintRow(filed).get("CLOSED_AT")).isNotNull();

		clockAt("2029-11-23T10:00");
		retention.eraseDue();
		assertThat(complaintRow(filed)).containsEntry("COMPLAINANT_NAME", NAME).containsEntry("ERASED_AT", null);
		clockAt("2029-11-24T10:01");
		assertThat(retention.eraseDue()).isPositive();
		assertThat(complaintRow(filed)).containsEntry("COMPLAINANT_NAME", null).containsEntry("COMPLAINANT_PHONE", null);
		assertThat(complaintRow(filed).get("ERASED_AT")).isNotNull();
		assertThat(jdbc.queryForMap("select applicant_name, applicant_phone from sl_case where case_id = ?", caseId))
			.containsEntry("APPLICANT_NAME", "（已删除）").containsEntry("APPLICANT_PHONE", null);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("applicantName")
			.count()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sl_audit_record where action = 'COMPLAINT_DATA_ERASED' and subject_id = ?",
				Integer.class, caseId)).isEqualTo(1);
		// Once only, and an open complaint keeps its data.
		retention.eraseDue();
		assertThat(jdbc.queryForObject("select count(*) from sl_audit_record where action = 'COMPLAINT_DATA_ERASED' and subject_id = ?",
				Integer.class, caseId)).isEqualTo(1);
		assertThat(complaintRow(open)).containsEntry("COMPLAINANT_NAME", "王五");
	}

	// --- helpers ---

	record Started(String id, String number, String code) {
	}

	private Started startLandCase() throws Exception {
		String body = mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"赵六\"}}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return new Started(JsonPath.read(body, "$.caseId"), JsonPath.read(body, "$.caseNumber"),
				JsonPath.read(body, "$.queryCode"));
	}

	/** Files with a freshly solved challenge. */
	private ResultActions file(String client, Map<String, Object> complaint) throws Exception {
		Map<String, Object> challenge = challenge();
		return filing(client, with(complaint, "challenge", Challenges.payload(challenge, Challenges.solve(challenge))));
	}

	private ResultActions filing(String client, Map<String, Object> complaint) throws Exception {
		return mvc.perform(post("/api/public/complaints").with(from(client))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(complaint)));
	}

	private Map<String, Object> challenge() throws Exception {
		return map(mvc.perform(get("/api/public/complaints/challenge")).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn().getResponse().getContentAsString());
	}

	private ResultActions follow(String client, String number, String code) throws Exception {
		var request = get("/api/public/complaints/" + number);
		if (code != null) {
			request.param("queryCode", code);
		}
		return mvc.perform(request.with(from(client)));
	}

	/** The inspector claims and completes the open step {@code stepId} of a complaint case. */
	private void work(String stepId, String caseId, Map<String, Object> variables) throws Exception {
		Task task = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(stepId).singleResult();
		assertThat(task).as(stepId + " open").isNotNull();
		mvc.perform(post("/api/tasks/" + task.getId() + "/claim").with(httpBasic("inspector", "demo")))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/tasks/" + task.getId() + "/complete").with(httpBasic("inspector", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("variables", variables))))
			.andExpect(status().isNoContent());
	}

	private ResultActions board() throws Exception {
		return mvc.perform(get("/api/console/board").param("department", OFFICE).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk());
	}

	private double faults(String department) throws Exception {
		String body = mvc.perform(get("/api/console/evaluation").param("from", "2026-11-01").param("to", "2026-11-30")
			.with(httpBasic("supervisor", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<Number> found = JsonPath.read(body, "$[?(@.department == '" + department + "')].faults");
		return found.isEmpty() ? 0 : found.get(0).doubleValue();
	}

	private void fire(String caseId, Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery().processInstanceId(caseId).timers()
			.duedateLowerThan(Date.from(due.plusSeconds(1))).list();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private Map<String, Object> complaintRow(Map<String, Object> filed) {
		return jdbc.queryForMap("select * from sl_complaint where complaint_number = ?", filed.get("complaintNumber"));
	}

	private String caseOf(Map<String, Object> filed) {
		return (String) complaintRow(filed).get("CASE_ID");
	}

	private Task acceptTask(Map<String, Object> filed) {
		return tasks.createTaskQuery().processInstanceId(caseOf(filed)).taskDefinitionKey("Task_Accept").singleResult();
	}

	private int complaints() {
		return jdbc.queryForObject("select count(*) from sl_complaint", Integer.class);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String text) {
		try {
			return json.readValue(text, Map.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> copy = new java.util.HashMap<>(base);
		copy.put(key, value);
		return copy;
	}

	private static Map<String, Object> without(Map<String, Object> base, String key) {
		Map<String, Object> copy = new java.util.HashMap<>(base);
		copy.remove(key);
		return copy;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String client) {
		return request -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(at(beijing)));
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
