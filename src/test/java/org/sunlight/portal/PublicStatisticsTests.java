package org.sunlight.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * Public statistics are the console's statistics: cases run in a department of this test's own
 * (a public copy of the seal power: Task_Accept P1D, Task_Decide P2D, promised P3D) with the engine
 * clock moved so that one step and one case are late, then the public numbers are compared with
 * what the console says for the same period, month by month. A department whose only power is not
 * public has no public numbers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicStatisticsTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	TaskService tasks;

	@Autowired
	PublicStatistics statistics;

	String department;
	String hidden;
	String powerCode;
	String hiddenCode;

	@BeforeEach
	void deployAPublicAndAHiddenPowerInDepartmentsOfTheirOwn() {
		clockAt("2026-09-07T09:00");
		int n = SEQUENCE.incrementAndGet();
		department = "pubstats-dept-" + n;
		hidden = "pubstats-hidden-" + n;
		powerCode = "TEST-PUBSTAT-" + n;
		hiddenCode = "TEST-PUBHIDE-" + n;
		deploy(powerCode, department, "pubstat_" + n, true);
		deploy(hiddenCode, hidden, "pubhide_" + n, false);
		statistics.forget();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void thePublicNumbersAreTheConsolesForTheSamePeriodMonthByMonth() throws Exception {
		String onTime = startCase(powerCode);
		String lateStep = startCase(powerCode);
		String lateCase = startCase(powerCode);
		startCase(powerCode); // still open: not counted
		String hiddenCase = startCase(hiddenCode);
		// In time: both steps on Monday 7 September.
		finish(onTime, "Task_Accept", "2026-09-07T10:00");
		finish(onTime, "Task_Decide", "2026-09-07T11:00");
		finish(lateCase, "Task_Accept", "2026-09-07T12:00");
		// A late step (accepted Wednesday, due Tuesday) in a case still done within its P3D.
		finish(lateStep, "Task_Accept", "2026-09-09T10:00");
		finish(lateStep, "Task_Decide", "2026-09-09T11:00");
		// Accepted in time, decided in October: a late step and a late case.
		finish(lateCase, "Task_Decide", "2026-10-12T10:00");
		// Concluded, but its department publishes no power.
		finish(hiddenCase, "Task_Accept", "2026-10-12T11:00");
		finish(hiddenCase, "Task_Decide", "2026-10-12T12:00");

		String body = anonymous("2026-09", "2026-10", department).andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-09"))
			.andExpect(jsonPath("$.to").value("2026-10"))
			.andExpect(jsonPath("$.byDepartment.length()").value(1))
			.andExpect(jsonPath("$.byDepartment[0].departmentId").value(department))
			.andExpect(jsonPath("$.byDepartment[0].cases").value(3))
			.andExpect(jsonPath("$.byDepartment[0].casesOnTime").value(2))
			.andExpect(jsonPath("$.byDepartment[0].casesOverdue").value(1))
			.andExpect(jsonPath("$.byDepartment[0].steps").value(6))
			.andExpect(jsonPath("$.byDepartment[0].stepsOverdue").value(2))
			.andExpect(jsonPath("$.months[0].month").value("2026-09"))
			.andExpect(jsonPath("$.months[0].cases").value(2))
			.andExpect(jsonPath("$.months[0].casesOverdue").value(0))
			.andExpect(jsonPath("$.months[0].onTimeRate").value(1.0))
			.andExpect(jsonPath("$.months[0].steps").value(5))
			.andExpect(jsonPath("$.months[0].stepsOverdue").value(1))
			.andExpect(jsonPath("$.months[1].month").value("2026-10"))
			.andExpect(jsonPath("$.months[1].cases").value(1))
			.andExpect(jsonPath("$.months[1].casesOverdue").value(1))
			.andExpect(jsonPath("$.months[1].onTimeRate").value(0.0))
			.andExpect(jsonPath("$.rows.length()").value(2))
			.andExpect(jsonPath("$.rows[0].month").value("2026-09"))
			.andExpect(jsonPath("$.rows[1].month").value("2026-10"))
			.andExpect(jsonPath("$.departments[*].id").value(org.hamcrest.Matchers.hasItem(department)))
			.andExpect(jsonPath("$.departments[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(hidden))))
			.andReturn().getResponse().getContentAsString();

		// The period, each month's total, and each department-month: the console's figures.
		sameFigures(JsonPath.read(body, "$.byDepartment[0]"), console("DEPARTMENT", "2026-09-01", "2026-10-31", department));
		List<Map<String, Object>> months = JsonPath.read(body, "$.months");
		List<Map<String, Object>> trend = consoleRows("MONTH", "2026-09-01", "2026-10-31", department);
		assertThat(months).hasSameSizeAs(trend);
		for (int i = 0; i < months.size(); i++) {
			assertThat(trend.get(i).get("key")).isEqualTo(months.get(i).get("month"));
			sameFigures(months.get(i), trend.get(i));
		}
		sameFigures(JsonPath.read(body, "$.rows[0]"), console("DEPARTMENT", "2026-09-01", "2026-09-30", department));
		sameFigures(JsonPath.read(body, "$.rows[1]"), console("DEPARTMENT", "2026-10-01", "2026-10-31", department));

		// All departments at once: every published department has the console's figures, and only those.
		String all = anonymous("2026-09", "2026-10", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.department").doesNotExist())
			.andExpect(jsonPath("$.departments[?(@.id == 'market-regulation-bureau')].name").value("县市场监督管理局"))
			.andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> everyone = consoleRows("DEPARTMENT", "2026-09-01", "2026-10-31", null);
		List<Map<String, Object>> published = JsonPath.read(all, "$.byDepartment");
		assertThat(published).extracting(r -> r.get("departmentId")).contains(department).doesNotContain(hidden);
		assertThat(everyone).extracting(r -> r.get("key")).contains(hidden);
		for (Map<String, Object> row : published) {
			Map<String, Object> same = everyone.stream().filter(c -> row.get("departmentId").equals(c.get("key")))
				.findFirst()
				.orElse(Map.of("cases", 0, "casesOnTime", 0, "steps", 0, "overruns", 0, "caseOnTimeRate", 1.0,
						"onTimeRate", 1.0));
			sameFigures(row, same);
		}
		List<String> rowDepartments = JsonPath.read(all, "$.rows[*].departmentId");
		assertThat(rowDepartments).contains(department).doesNotContain(hidden);
	}

	@Test
	void anAnswerIsKeptAFewMinutesSoTheAudienceDoesNotRunTheScans() throws Exception {
		String first = startCase(powerCode);
		String second = startCase(powerCode);
		finish(first, "Task_Accept", "2026-09-07T10:00");
		finish(first, "Task_Decide", "2026-09-07T11:00");
		anonymous("2026-09", "2026-09", department).andExpect(jsonPath("$.byDepartment[0].cases").value(1));
		finish(second, "Task_Accept", "2026-09-07T12:00");
		finish(second, "Task_Decide", "2026-09-07T13:00");
		anonymous("2026-09", "2026-09", department).andExpect(jsonPath("$.byDepartment[0].cases").value(1));
		statistics.forget();
		anonymous("2026-09", "2026-09", department).andExpect(jsonPath("$.byDepartment[0].cases").value(2));
	}

	@Test
	void withoutAPeriodItIsTheLastTwelveMonthsAndAMonthWithNothingHasNoRate() throws Exception {
		clockAt("2026-09-15T10:00");
		anonymous(null, null, department).andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2025-10"))
			.andExpect(jsonPath("$.to").value("2026-09"))
			.andExpect(jsonPath("$.months.length()").value(12))
			.andExpect(jsonPath("$.byDepartment[0].cases").value(0))
			.andExpect(jsonPath("$.byDepartment[0].onTimeRate").doesNotExist())
			.andExpect(jsonPath("$.rows.length()").value(0));
	}

	@Test
	void aBadPeriodOrDepartmentIsA400ThatSaysWhatWasWrong() throws Exception {
		anonymous("2026-13", "2026-12", null).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("from")))
			.andExpect(jsonPath("$.detail").value(containsString("2026-11")));
		anonymous("2026-01-01", null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("月份")));
		anonymous("1800-01", "1800-02", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("1900")));
		anonymous("2026-10", "2026-09", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("结束月份 to（2026-09）早于起始月份 from（2026-10）"));
		anonymous("2024-01", "2026-01", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("公开统计一次最多 24 个月，而不是 25 个月"));
		anonymous("2024-02", "2026-01", null).andExpect(status().isOk());
		anonymous("2026-09", "2026-09", hidden).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString(hidden)));
		mvc.perform(get("/api/public/statistics").param("department", "no-such-department")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("No department with public powers has the id 'no-such-department'; leave department out for all"));
	}

	private void sameFigures(Map<String, Object> published, Map<String, Object> console) {
		assertThat(number(published.get("cases"))).as("cases").isEqualTo(number(console.get("cases")));
		assertThat(number(published.get("casesOnTime"))).as("cases on time").isEqualTo(number(console.get("casesOnTime")));
		assertThat(number(published.get("casesOverdue"))).as("cases overdue")
			.isEqualTo(number(console.get("cases")) - number(console.get("casesOnTime")));
		assertThat(number(published.get("steps"))).as("steps").isEqualTo(number(console.get("steps")));
		assertThat(number(published.get("stepsOverdue"))).as("steps overdue").isEqualTo(number(console.get("overruns")));
		if (number(console.get("cases")) > 0) {
			assertThat(rate(published.get("onTimeRate"))).as("on-time rate").isEqualTo(rate(console.get("caseOnTimeRate")));
		}
		if (number(console.get("steps")) > 0) {
			assertThat(rate(published.get("stepOnTimeRate"))).as("step on-time rate")
				.isEqualTo(rate(console.get("onTimeRate")));
		}
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private static double rate(Object value) {
		return ((Number) value).doubleValue();
	}

	private Map<String, Object> console(String groupBy, String from, String to, String dept) throws Exception {
		List<Map<String, Object>> rows = consoleRows(groupBy, from, to, dept);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private List<Map<String, Object>> consoleRows(String groupBy, String from, String to, String dept)
			throws Exception {
		var request = get("/api/console/statistics").param("groupBy", groupBy).param("from", from).param("to", to)
			.with(httpBasic("supervisor", "demo"));
		if (dept != null) {
			request.param("department", dept);
		}
		return JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(), "$");
	}

	private ResultActions anonymous(String from, String to, String dept) throws Exception {
		var request = get("/api/public/statistics");
		if (from != null) {
			request.param("from", from);
		}
		if (to != null) {
			request.param("to", to);
		}
		if (dept != null) {
			request.param("department", dept);
		}
		return mvc.perform(request);
	}

	private void deploy(String code, String dept, String key, boolean published) {
		deployment.deploy(Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"" + code + "\"")
			.replace("department=\"public-security-bureau\"", "department=\"" + dept + "\"")
			.replace("public=\"true\"", "public=\"" + published + "\"")
			.replace("id=\"seal_engraving_permit\"", "id=\"" + key + "\"")
			.getBytes(StandardCharsets.UTF_8), "test");
	}

	private String startCase(String code) throws Exception {
		String body = mvc.perform(post("/api/cases").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"powerCode\":\"" + code + "\",\"applicant\":{\"name\":\"某印章公司\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.caseId");
	}

	private void finish(String caseId, String step, String beijing) {
		clockAt(beijing);
		Task task = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(step).singleResult();
		tasks.claim(task.getId(), "handler1");
		tasks.complete(task.getId());
	}

	private static void clockAt(String beijing) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + ":00+08:00").toInstant()));
	}

}
