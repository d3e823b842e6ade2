package org.sunlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The calendar API (API.md, "Calendar") on the seeded database. Each test that changes the table
 * uses its own year, so the tests share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CalendarApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkingTime workingTime;

	@Autowired
	HealthContributorRegistry health;

	@ParameterizedTest(name = "{0} + {1} {2} = {3}")
	@CsvSource({ "2026-09-30T10:00:00+08:00, P3D, workday, 2026-10-10T17:30:00+08:00, true",
			"2026-02-13T10:00:00+08:00, P1D, workday, 2026-02-14T17:30:00+08:00, true",
			"2026-04-30T10:00:00+08:00, P2D, natural, 2026-05-07T00:00:00+08:00, true",
			"2026-11-20T16:30:00+08:00, PT2H, workday, 2026-11-23T10:00:00+08:00, true",
			"2026-12-30T10:00:00+08:00, P5D, workday, 2027-01-06T17:30:00+08:00, false" })
	void computesADeadlineForAnySignedInUser(String start, String duration, String calendar, String deadline,
			boolean covered) throws Exception {
		mvc.perform(asHandler(get("/api/calendar/deadline").param("start", start)
			.param("duration", duration)
			.param("calendar", calendar)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value(start))
			.andExpect(jsonPath("$.duration").value(duration))
			.andExpect(jsonPath("$.calendar").value(calendar))
			.andExpect(jsonPath("$.deadline").value(deadline))
			.andExpect(jsonPath("$.covered").value(covered));
	}

	@Test
	void readsStartsInAnyOffsetOrNoneAndAnswersInBeijingTime() throws Exception {
		mvc.perform(asHandler(get("/api/calendar/deadline").param("start", "2026-09-30T02:00:00Z").param("duration", "P3D")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value("2026-09-30T10:00:00+08:00"))
			.andExpect(jsonPath("$.calendar").value("workday"))
			.andExpect(jsonPath("$.deadline").value("2026-10-10T17:30:00+08:00"));
		mvc.perform(asHandler(get("/api/calendar/deadline").param("start", "2026-09-30T10:00").param("duration", "P3D")))
			.andExpect(jsonPath("$.start").value("2026-09-30T10:00:00+08:00"));
		// An unencoded "+" in the query string arrives as a space.
		mvc.perform(asHandler(get("/api/calendar/deadline").param("start", "2026-09-30T10:00:00 08:00").param("duration", "P3D")))
			.andExpect(jsonPath("$.start").value("2026-09-30T10:00:00+08:00"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"duration=P3D&calendar=workday | 缺少参数 start",
			"start=2026-09-30T10:00:00Z | 缺少参数 duration",
			"start=&duration=P3D | start is required",
			"start=yesterday&duration=P3D | start 应为 ISO-8601 时刻，如 2026-11-23T09:00:00+08:00，而不是“yesterday”",
			"start=+999999999-12-31T23:59:59Z&duration=P3D | start 须在 1900–2200 年之间",
			"start=2026-09-30T10:00:00Z&duration=P-1D | 时长 duration“P-1D”不能为负",
			"start=2026-09-30T10:00:00Z&duration=-PT4H | 时长 duration“-PT4H”不能为负",
			"start=2026-09-30T10:00:00Z&duration=P0D | 时长 duration“P0D”必须大于零",
			"start=2026-09-30T10:00:00Z&duration=three days | 时长 duration“three days”不是 ISO-8601 时长",
			"start=2026-09-30T10:00:00Z&duration=P1M | 请改用天数",
			"start=2026-09-30T10:00:00Z&duration=P3D&calendar=lunar | calendar 'lunar' is unknown: use workday or natural" })
	void refusesBadDeadlineQueriesWithAPreciseProblem(String query, String detail) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/calendar/deadline");
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			request.param(parts[0], parts[1]);
		}
		mvc.perform(asHandler(request))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	@Test
	void listsAYearsExceptionsInDateOrder() throws Exception {
		mvc.perform(asHandler(get("/api/calendar/days").param("year", "2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(HolidayTables.year2026().size()))
			.andExpect(jsonPath("$[0].date").value("2026-01-01"))
			.andExpect(jsonPath("$[0].kind").value("HOLIDAY"))
			.andExpect(jsonPath("$[0].name").value("元旦"))
			.andExpect(jsonPath("$[3].date").value("2026-01-04"))
			.andExpect(jsonPath("$[3].kind").value("WORKDAY"));
		mvc.perform(asHandler(get("/api/calendar/days").param("year", "2027")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@ParameterizedTest(name = "year={0}")
	@CsvSource(delimiter = '|', value = { "abc | 参数 year 的值格式不对：“abc”", "20260 | outside 1900–9999" })
	void refusesYearsThatAreNotYears(String year, String detail) throws Exception {
		mvc.perform(asHandler(get("/api/calendar/days").param("year", year)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
		mvc.perform(asHandler(get("/api/calendar/days")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("缺少参数 year")));
	}

	@Test
	void anAdministratorEntersAYearAndDeadlinesUseItAtOnce() throws Exception {
		MockHttpServletRequestBuilder deadline2029 = get("/api/calendar/deadline").param("start", "2029-09-28T10:00:00+08:00")
			.param("duration", "P1D");
		mvc.perform(asHandler(deadline2029))
			.andExpect(jsonPath("$.deadline").value("2029-10-01T17:30:00+08:00"))
			.andExpect(jsonPath("$.covered").value(false));

		mvc.perform(asAdmin(put("/api/calendar/days/2029")).contentType(MediaType.APPLICATION_JSON).content("""
				[{"date": "2029-10-07", "kind": "HOLIDAY", "name": "国庆节"},
				 {"date": "2029-10-01", "kind": "HOLIDAY", "name": "国庆节"},
				 {"date": "2029-09-29", "kind": "WORKDAY", "name": "国庆节调休上班"}]"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].date").value("2029-09-29"))
			.andExpect(jsonPath("$[2].date").value("2029-10-07"));

		mvc.perform(asHandler(deadline2029))
			.andExpect(jsonPath("$.deadline").value("2029-09-29T17:30:00+08:00"))
			.andExpect(jsonPath("$.covered").value(true));
		mvc.perform(asHandler(get("/api/calendar/years")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].year", hasItem(2029)))
			.andExpect(jsonPath("$[?(@.year == 2029)].updatedBy").value("admin"));
	}

	@Test
	void anEmptyListStillMarksTheYearCovered() throws Exception {
		mvc.perform(asAdmin(put("/api/calendar/days/2035")).contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));

		assertThat(workingTime.covered(Instant.parse("2035-06-01T00:00:00Z"))).isTrue();
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = {
			"[{\"date\": \"2028-01-01\", \"kind\": \"HOLIDAY\"}, {\"date\": \"2029-01-01\", \"kind\": \"HOLIDAY\"}] | days[1].date 2029-01-01 is outside 2028",
			"[{\"date\": \"2028-01-01\", \"kind\": \"HOLIDAY\"}, {\"date\": \"2028-01-01\", \"kind\": \"HOLIDAY\"}] | days[1].date 2028-01-01 is already given in days[0]",
			"[{\"date\": \"2028-01-03\", \"kind\": \"WORKDAY\"}] | days[0].date 2028-01-03 is a Monday; a make-up WORKDAY must be a Saturday or Sunday",
			"[{\"date\": \"2028-01-01\", \"kind\": \"VACATION\"}] | days[0].kind 'VACATION' is unknown: use HOLIDAY or WORKDAY",
			"[{\"date\": \"2028-02-30\", \"kind\": \"HOLIDAY\"}] | days[0].date '2028-02-30' is not a date",
			"[{\"date\": \"01/02/2028\", \"kind\": \"HOLIDAY\"}] | days[0].date '01/02/2028' is not a date",
			"[{\"kind\": \"HOLIDAY\"}] | days[0].date is required",
			"{\"date\": \"2028-01-01\"} | the body must be a JSON list of {date, kind, name}",
			"[{\"date\": \"2028-01-01\", | the body must be a JSON list of {date, kind, name}",
			"'' | the body must be a JSON list of {date, kind, name}" })
	void aRefusedTableSaysWhyAndChangesNothing(String body, String detail) throws Exception {
		String original = "[{\"date\": \"2028-01-01\", \"kind\": \"HOLIDAY\", \"name\": \"元旦\"}]";
		mvc.perform(asAdmin(put("/api/calendar/days/2028")).contentType(MediaType.APPLICATION_JSON).content(original))
			.andExpect(status().isOk());

		mvc.perform(asAdmin(put("/api/calendar/days/2028")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));

		mvc.perform(asHandler(get("/api/calendar/days").param("year", "2028")))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].date").value("2028-01-01"))
			.andExpect(jsonPath("$[0].name").value("元旦"));
	}

	@Test
	void aYearOutsideTheRangeIsRefused() throws Exception {
		mvc.perform(asAdmin(put("/api/calendar/days/99999")).contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("year 99999 is outside 1900–9999"));
	}

	@Test
	void onlyAdministratorsChangeTheTableAndOnlySignedInUsersReadIt() throws Exception {
		mvc.perform(put("/api/calendar/days/2034").with(httpBasic("handler1", "demo"))
			.contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/calendar/days").param("year", "2026")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/calendar/deadline").param("start", "2026-09-30T10:00:00Z").param("duration", "P3D"))
			.andExpect(status().isUnauthorized());
		mvc.perform(asHandler(get("/api/calendar/days").param("year", "2034"))).andExpect(jsonPath("$.length()").value(0));
		assertThat(workingTime.covered(Instant.parse("2034-06-01T00:00:00Z"))).isFalse();
	}

	@Test
	void offersTheArithmeticToOtherModulesOnTheCurrentTable() {
		Instant monday10 = Instant.parse("2026-11-23T02:00:00Z");
		Instant thursday1730 = Instant.parse("2026-11-26T09:30:00Z");

		assertThat(workingTime.schedule(monday10, "P3D", null, "workday"))
			.isEqualTo(new Schedule(Instant.parse("2026-11-25T09:30:00Z"), thursday1730, true));
		assertThat(workingTime.warnAt(monday10, "P3D", "PT2H", null)).isEqualTo(Instant.parse("2026-11-26T07:30:00Z"));
		assertThat(workingTime.before(thursday1730, "P1D", "workday")).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
		assertThat(workingTime.workingTimeBetween(monday10, thursday1730,
				List.of(Pause.open(Instant.parse("2026-11-26T01:00:00Z"))), "workday")).isEqualTo(Duration.ofHours(20));
		assertThat(workingTime.plusWorkingTime(thursday1730, Duration.ofHours(2), "workday"))
			.isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
		assertThatThrownBy(() -> workingTime.deadline(monday10, "P0D", "workday"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void warnsInTheLogWhenADeadlineReachesAnUncoveredYear(CapturedOutput output) {
		Deadline deadline = workingTime.deadline(Instant.parse("2040-03-01T02:00:00Z"), "P3D", "workday");

		assertThat(deadline.covered()).isFalse();
		assertThat(output).contains("WARN").contains("reaches a year the holiday table does not cover");
	}

	@Test
	void healthStaysUpAndTellsWhichYearsAreCovered() {
		Health calendar = ((HealthIndicator) health.getContributor("calendar")).health();

		assertThat(calendar.getStatus()).isEqualTo(Status.UP);
		assertThat(calendar.getDetails()).containsEntry("zone", "Asia/Shanghai")
			.containsKeys("coveredYears", "currentYearCovered", "nextYearCovered");
	}

	private static MockHttpServletRequestBuilder asHandler(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("handler1", "demo"));
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("admin", "demo"));
	}

}
