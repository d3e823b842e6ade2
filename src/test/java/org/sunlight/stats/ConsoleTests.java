package org.sunlight.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * The console's numbers from the projections, moved by real cases and the engine clock. Each test
 * runs its own copy of the seal power in a department of its own, so the counts are its own:
 * Task_Accept P1D (warning PT4H before), Task_Decide P2D, promised P3D, from Monday 23 November.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	String department;
	String powerCode;
	String caseId;

	@BeforeEach
	void startACaseOfItsOwnPower() throws Exception {
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T09:00")));
		int n = SEQUENCE.incrementAndGet();
		department = "console-dept-" + n;
		powerCode = "TEST-CON-" + n;
		deployment.deploy(Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"" + powerCode + "\"")
			.replace("department=\"public-security-bureau\"", "department=\"" + department + "\"")
			.replace("id=\"seal_engraving_permit\"", "id=\"test_console_" + n + "\"")
			.getBytes(StandardCharsets.UTF_8), "test");
		caseId = startCase();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theBoardCountsOpenStepsAndCasesByLampAsTimePasses() throws Exception {
		board().andExpect(jsonPath("$.stepTotals.green").value(1))
			.andExpect(jsonPath("$.caseTotals.green").value(1))
			.andExpect(jsonPath("$.stepsByPower[0].key").value(powerCode))
			.andExpect(jsonPath("$.stepsByPower[0].name").value("公章刻制备案"));

		// Past the warning (Tuesday 12:00), then past the deadline (Tuesday 17:30): no timer needs to fire.
		ClockUtil.setCurrentTime(Date.from(at("2026-11-24T13:00")));
		board().andExpect(jsonPath("$.stepTotals.yellow").value(1)).andExpect(jsonPath("$.stepTotals.green").value(0));
		ClockUtil.setCurrentTime(Date.from(at("2026-11-24T18:00")));
		board().andExpect(jsonPath("$.stepTotals.red").value(1));

		mvc.perform(json(post("/api/cases/" + caseId + "/clock/suspend"), "handler1",
				"{\"category\":\"SUPPLEMENT\",\"reason\":\"申请人补正材料\"}"))
			.andExpect(status().isOk());
		board().andExpect(jsonPath("$.stepTotals.paused").value(1))
			.andExpect(jsonPath("$.stepTotals.red").value(0))
			.andExpect(jsonPath("$.caseTotals.paused").value(1));
		ClockUtil.setCurrentTime(Date.from(at("2026-11-25T10:00")));
		mvc.perform(get("/api/console/paused").param("department", department).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].caseId").value(caseId))
			.andExpect(jsonPath("$[0].category").value("SUPPLEMENT"))
			.andExpect(jsonPath("$[0].reason").value("申请人补正材料"))
			.andExpect(jsonPath("$[0].pausedBy").value("handler1"))
			// Tuesday 18:00 to Wednesday 10:00: one working hour.
			.andExpect(jsonPath("$[0].pausedNow").value("PT1H"));
	}

	@Test
	void aStepEndedAfterItsWarningButInTimeCountsAsYellowOnly() throws Exception {
		Task accept = task("Task_Accept");
		fire(accept.getFollowUpDate().toInstant());
		tasks.claim(accept.getId(), "handler1");
		tasks.complete(accept.getId());

		// The flags come from the step's escalations when it ends: a yellow warning, no red alarm.
		statistics("DEPARTMENT").andExpect(jsonPath("$[0].steps").value(1))
			.andExpect(jsonPath("$[0].overruns").value(0))
			.andExpect(jsonPath("$[0].yellow").value(1))
			.andExpect(jsonPath("$[0].red").value(0));
	}

	@Test
	void aLateStepCountsAsAnOverrunAndAFindingOfFaultLowersTheScore() throws Exception {
		Task accept = task("Task_Accept");
		fire(accept.getDueDate().toInstant());
		String red = JsonPath.read(mvc.perform(get("/api/escalations").param("caseId", caseId).param("level", "RED")
			.param("scope", "STEP").with(httpBasic("supervisor", "demo"))).andReturn().getResponse().getContentAsString(),
				"$.items[0].id");
		ClockUtil.setCurrentTime(Date.from(at("2026-11-25T10:00")));
		tasks.claim(accept.getId(), "handler1");
		tasks.complete(accept.getId());

		statistics("DEPARTMENT").andExpect(jsonPath("$[0].key").value(department))
			.andExpect(jsonPath("$[0].steps").value(1))
			.andExpect(jsonPath("$[0].overruns").value(1))
			.andExpect(jsonPath("$[0].red").value(1))
			.andExpect(jsonPath("$[0].yellow").value(1))
			.andExpect(jsonPath("$[0].onTimeRate").value(0.0))
			.andExpect(jsonPath("$[0].faults").value(0));
		statistics("PERSON").andExpect(jsonPath("$[0].key").value("handler1"));
		statistics("MONTH").andExpect(jsonPath("$[0].key").value("2026-11")).andExpect(jsonPath("$[0].steps").value(1));

		mvc.perform(json(post("/api/escalations/" + red + "/findings"), "supervisor", "{\"kind\":\"HANDLER_AT_FAULT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("note")));
		mvc.perform(json(post("/api/escalations/" + red + "/findings"), "supervisor", "{\"kind\":\"LAZY\",\"note\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("PROCESS_AT_FAULT")));
		mvc.perform(json(post("/api/escalations/" + red + "/findings"), "supervisor",
				"{\"kind\":\"HANDLER_AT_FAULT\",\"note\":\"受理后未及时审查\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("HANDLER_AT_FAULT"));
		mvc.perform(json(post("/api/escalations/" + red + "/findings"), "supervisor",
				"{\"kind\":\"JUSTIFIED_DELAY\"}"))
			.andExpect(status().isConflict());
		statistics("DEPARTMENT").andExpect(jsonPath("$[0].faults").value(1));

		// 100 − 0.5 × 100 (every step late) − 2 × 1 red − 5 × 1 fault = 43: 不合格.
		mvc.perform(get("/api/console/evaluation").param("from", "2026-11-01").param("to", "2026-11-30")
			.with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$[?(@.department == '" + department + "')].score").value(43.0))
			.andExpect(jsonPath("$[?(@.department == '" + department + "')].grade").value("FAIL"));

		mvc.perform(get("/api/console/heatmap").param("powerCode", powerCode).param("from", "2026-11-01")
			.param("to", "2026-11-30").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].stepId").value("Task_Accept"))
			.andExpect(jsonPath("$[0].executions").value(1))
			.andExpect(jsonPath("$[0].redRate").value(1.0))
			.andExpect(jsonPath("$[0].heat").value("RED"))
			// Monday 09:00 to Wednesday 10:00: 7 + 7 + 1 working hours.
			.andExpect(jsonPath("$[0].medianSeconds").value(15 * 3600))
			.andExpect(jsonPath("$[1].stepId").value("Task_Decide"))
			.andExpect(jsonPath("$[1].executions").value(0))
			.andExpect(jsonPath("$[1].heat").value("NONE"));
	}

	@Test
	void statisticsExportAsCsvAndXlsxWithHeadersEvenForAnEmptyPeriod() throws Exception {
		Task accept = task("Task_Accept");
		ClockUtil.setCurrentTime(Date.from(at("2026-11-23T15:00")));
		tasks.claim(accept.getId(), "handler1");
		tasks.complete(accept.getId());

		byte[] xlsx = mvc.perform(get("/api/console/statistics.xlsx").param("department", department)
			.param("from", "2026-11-01").param("to", "2026-11-30").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("分组");
			assertThat(rows.get(0).getCellText(4)).isEqualTo("环节按时率");
			assertThat(rows.get(1).getCellText(0)).isEqualTo(department);
			assertThat(rows.get(1).getCellAsNumber(2)).hasValueSatisfying(v -> assertThat(v.intValue()).isEqualTo(1));
			assertThat(rows.get(1).getCellAsNumber(3)).hasValueSatisfying(v -> assertThat(v.intValue()).isZero());
			assertThat(rows.get(1).getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(1.0));
		}

		String csv = mvc.perform(get("/api/console/statistics.csv").param("department", department)
			.param("from", "2026-11-01").param("to", "2026-11-30").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF分组,名称,完成环节").contains(department + "," + department + ",1,0,100.0%");

		String empty = mvc.perform(get("/api/console/statistics.csv").param("department", department)
			.param("from", "2025-01-01").param("to", "2025-01-31").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty.trim().lines()).hasSize(1);
		byte[] emptyXlsx = mvc.perform(get("/api/console/statistics.xlsx").param("department", department)
			.param("from", "2025-01-01").param("to", "2025-01-31").with(httpBasic("supervisor", "demo")))
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(emptyXlsx))) {
			assertThat(workbook.getFirstSheet().read()).hasSize(1);
		}
	}

	@Test
	void badFiltersAreRefusedWithTheAllowedValuesAndOtherDepartmentsAreForbidden() throws Exception {
		mvc.perform(get("/api/console/statistics").param("groupBy", "weather").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("DEPARTMENT")));
		mvc.perform(get("/api/console/statistics").param("from", "last week").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/console/statistics").param("from", "2026-11-30").param("to", "2026-11-01")
			.with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/console/heatmap").param("powerCode", "NO-SUCH").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isNotFound());

		mvc.perform(json(post("/api/org/people"), "admin", """
				{"username":"narrow-%s","displayName":"某监督员","password":"long-enough-3","roles":["SUPERVISOR"]}"""
			.formatted(department))).andExpect(status().isCreated());
		mvc.perform(json(put("/api/org/supervisors/narrow-" + department), "admin", "{\"departments\":[\"land-bureau\"]}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/console/board").param("department", department)
			.with(httpBasic("narrow-" + department, "long-enough-3")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/console/board").with(httpBasic("narrow-" + department, "long-enough-3")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stepsByDepartment[?(@.key == '" + department + "')]").isEmpty());
		// The department's head leads it, so sees it on the board.
		mvc.perform(get("/api/console/board").param("department", department).with(httpBasic("head", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stepTotals.green").value(1));
	}

	private ResultActions board() throws Exception {
		return mvc.perform(get("/api/console/board").param("department", department).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk());
	}

	private ResultActions statistics(String groupBy) throws Exception {
		return mvc.perform(get("/api/console/statistics").param("groupBy", groupBy).param("department", department)
			.param("from", "2026-11-01").param("to", "2026-11-30").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk());
	}

	private String startCase() throws Exception {
		String body = mvc.perform(json(post("/api/cases"), "handler1",
				"{\"powerCode\":\"" + powerCode + "\",\"applicant\":{\"name\":\"某印章公司\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.caseId");
	}

	private Task task(String stepId) {
		return tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(stepId).singleResult();
	}

	private void fire(Instant due) {
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery().processInstanceId(caseId).timers()
			.duedateLowerThan(Date.from(due.plusSeconds(1))).list();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return request.with(httpBasic(user, user.startsWith("narrow") ? "long-enough-3" : "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private static Instant at(String beijing) {
		return OffsetDateTime.parse(beijing + ":00+08:00").toInstant();
	}

}
