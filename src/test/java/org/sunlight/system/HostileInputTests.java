package org.sunlight.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every write endpoint that takes text, and every parsed page, date and instant, against extreme
 * input: each is a 400 problem+json naming the field in Chinese (413 for a body over the limit, 4 MB),
 * and nothing in the database changes. A new text field belongs here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputTests {

	/** Who may call it, how, and the JSON with {@code %s} where the hostile value goes. */
	record Endpoint(String user, HttpMethod method, String url, String json, String field, int column) {

		@Override
		public String toString() {
			return method + " " + url + " " + field;
		}

	}

	static final List<Endpoint> TEXT_FIELDS = List.of(
			new Endpoint("handler1", HttpMethod.POST, "/api/cases",
					"{\"powerCode\":\"land-use\",\"applicant\":{\"name\":%s},\"title\":\"t\"}", "applicant.name", Columns.NAME),
			new Endpoint("handler1", HttpMethod.POST, "/api/cases",
					"{\"powerCode\":\"land-use\",\"applicant\":{\"name\":\"n\",\"phone\":%s}}", "applicant.phone", Columns.ID),
			new Endpoint("handler1", HttpMethod.POST, "/api/cases",
					"{\"powerCode\":\"land-use\",\"applicant\":{\"name\":\"n\"},\"title\":%s}", "title", Columns.NAME),
			new Endpoint("handler1", HttpMethod.POST, "/api/cases/some-case/comments", "{\"message\":%s}", "message",
					Columns.TEXT),
			new Endpoint("handler1", HttpMethod.POST, "/api/cases/some-case/clock/suspend",
					"{\"category\":\"EXPERT_REVIEW\",\"reason\":%s}", "reason", Columns.TEXT),
			new Endpoint("handler1", HttpMethod.POST, "/api/cases/some-case/extensions",
					"{\"amount\":\"P5D\",\"reason\":%s}", "reason", Columns.TEXT),
			new Endpoint("leader", HttpMethod.POST, "/api/cases/some-case/extensions/approve", "{\"note\":%s}", "note",
					Columns.TEXT),
			new Endpoint("leader", HttpMethod.POST, "/api/cases/some-case/extensions/reject", "{\"note\":%s}", "note",
					Columns.TEXT),
			new Endpoint("handler1", HttpMethod.POST, "/api/tasks/some-task/complete", "{\"comment\":%s}", "comment",
					Columns.TEXT),
			new Endpoint("handler1", HttpMethod.POST, "/api/tasks/some-task/reassign", "{\"assignee\":%s}", "assignee",
					Columns.ID),
			new Endpoint("supervisor", HttpMethod.POST, "/api/escalations/some-escalation/orders",
					"{\"instruction\":%s,\"replyWithin\":\"P1D\"}", "instruction", Columns.TEXT),
			new Endpoint("supervisor", HttpMethod.POST, "/api/escalations/some-escalation/findings",
					"{\"kind\":\"CONFIRMED\",\"note\":%s}", "note", Columns.TEXT),
			new Endpoint("supervisor", HttpMethod.POST, "/api/escalations/some-escalation/acknowledge", "{\"note\":%s}",
					"note", Columns.TEXT),
			new Endpoint("admin", HttpMethod.POST, "/api/org/units", "{\"id\":\"u-hostile\",\"name\":%s}", "name",
					Columns.NAME),
			new Endpoint("admin", HttpMethod.PUT, "/api/org/units/demo-county", "{\"name\":%s}", "name", Columns.NAME),
			new Endpoint("admin", HttpMethod.POST, "/api/org/departments",
					"{\"id\":\"d-hostile\",\"unitId\":\"demo-county\",\"name\":%s}", "name", Columns.NAME),
			new Endpoint("admin", HttpMethod.POST, "/api/org/posts",
					"{\"id\":\"p-hostile\",\"departmentId\":\"x\",\"name\":%s}", "name", Columns.NAME),
			new Endpoint("admin", HttpMethod.POST, "/api/org/people",
					"{\"username\":\"hostile\",\"displayName\":%s,\"password\":\"long-enough-1\",\"roles\":[\"HANDLER\"]}",
					"displayName", Columns.NAME),
			new Endpoint("admin", HttpMethod.PUT, "/api/org/people/handler1",
					"{\"displayName\":%s,\"roles\":[\"HANDLER\"]}", "displayName", Columns.NAME),
			new Endpoint("admin", HttpMethod.PUT, "/api/org/supervisors/supervisor", "{\"departments\":[%s]}",
					"departments[0]", Columns.ID),
			new Endpoint("admin", HttpMethod.PUT, "/api/calendar/days/2027",
					"[{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":%s}]", "days[0].name", Columns.DAY_NAME));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	static Stream<Arguments> tooLong() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : TEXT_FIELDS) {
			cases.add(Arguments.of(endpoint, "one over the column", quoted("长".repeat(endpoint.column() + 1))));
			cases.add(Arguments.of(endpoint, "10,000 characters", quoted("x".repeat(10_000))));
			cases.add(Arguments.of(endpoint, "an object for a text", "{\"a\":1}"));
			cases.add(Arguments.of(endpoint, "a list for a text", "[\"a\",\"b\"]"));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("tooLong")
	void aHostileTextIsA400NamingTheFieldAndChangesNothing(Endpoint endpoint, String what, String value)
			throws Exception {
		String before = state();
		MockHttpServletResponse response = mvc
			.perform(request(endpoint.method(), endpoint.url()).with(httpBasic(endpoint.user(), "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(endpoint.json().formatted(value)))
			.andReturn()
			.getResponse();
		assertNamed(response, 400, endpoint.field());
		assertThat(state()).as("nothing changed").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void aBodyOverTheLimitIsA413(Endpoint endpoint) throws Exception {
		String before = state();
		MockHttpServletResponse response = mvc
			.perform(request(endpoint.method(), endpoint.url()).with(httpBasic(endpoint.user(), "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(endpoint.json().formatted(quoted("名".repeat(2 * 1024 * 1024)))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("字节");
		assertThat(state()).isEqualTo(before);
	}

	static Stream<Endpoint> endpoints() {
		return TEXT_FIELDS.stream();
	}

	@Test
	void aLongAttachmentNameIsA400NamingIt() throws Exception {
		String before = state();
		MockHttpServletResponse response = mvc
			.perform(request(HttpMethod.POST, "/api/cases/some-case/attachments")
				.with(httpBasic("handler1", "demo"))
				.param("name", "a".repeat(Columns.NAME + 1) + ".pdf")
				.contentType(MediaType.APPLICATION_PDF)
				.content(new byte[] { 1, 2, 3 }))
			.andReturn()
			.getResponse();
		assertNamed(response, 400, "name");
		assertThat(state()).isEqualTo(before);
	}

	/** Query parameters: far pages, huge sizes, far dates and instants, numbers that are not numbers. */
	static Stream<Arguments> queries() {
		String far = "+999999999-12-31T23:59:59Z";
		return Stream.of(Arguments.of("supervisor", get("/api/audit").param("page", "2147483647"), "page"),
				Arguments.of("supervisor", get("/api/audit").param("page", "99999999999"), "page"),
				Arguments.of("supervisor", get("/api/audit").param("size", "100000"), "size"),
				Arguments.of("supervisor", get("/api/audit").param("page", "-1"), "page"),
				Arguments.of("supervisor", get("/api/audit").param("from", far), "from"),
				Arguments.of("supervisor", get("/api/audit").param("to", "1066-10-14T09:00:00+00:00"), "to"),
				Arguments.of("supervisor", get("/api/escalations").param("page", "2147483647"), "page"),
				Arguments.of("supervisor", get("/api/escalations").param("size", "0"), "size"),
				Arguments.of("supervisor", get("/api/escalations").param("from", "+999999999-12-31"), "from"),
				Arguments.of("supervisor", get("/api/escalations").param("to", "9999-12-31"), "to"),
				Arguments.of("admin", get("/api/calendar/deadline").param("start", far).param("duration", "P1D"), "start"),
				Arguments.of("admin", get("/api/calendar/deadline").param("start", "2026-11-23T09:00:00+08:00")
					.param("duration", "P99999999D"), "duration"),
				Arguments.of("admin", get("/api/calendar/days").param("year", "2147483648"), "year"),
				Arguments.of("supervisor", get("/api/console/statistics").param("from", "+999999999-12-31"), "from"),
				Arguments.of("supervisor", get("/api/console/evaluation").param("to", "0001-01-01"), "to"));
	}

	@ParameterizedTest(name = "{2}: {1}")
	@MethodSource("queries")
	void aHostileQueryParameterIsA400NamingIt(String user, MockHttpServletRequestBuilder request, String parameter)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(httpBasic(user, "demo"))).andReturn().getResponse();
		assertNamed(response, 400, parameter);
	}

	private static void assertNamed(MockHttpServletResponse response, int status, String field) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String detail = JsonPath.read(body, "$.detail");
		assertThat(detail).as("names the field").contains(field);
		assertThat(detail).as("in Chinese, the default").containsPattern("\\p{IsHan}");
		assertThat(detail).as("echoes at most a little").hasSizeLessThan(400);
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	/** Row counts of what the endpoints above write, and the names they would change. */
	private String state() {
		return jdbc.queryForList("""
				select 'audit' t, count(*) n from sl_audit_record union all
				select 'case', count(*) from sl_case union all
				select 'unit', count(*) from sl_org_unit union all
				select 'department', count(*) from sl_org_department union all
				select 'post', count(*) from sl_org_post union all
				select 'account', count(*) from sl_account union all
				select 'days', count(*) from sl_calendar_day union all
				select 'pause', count(*) from sl_clock_pause union all
				select 'extension', count(*) from sl_clock_extension union all
				select 'order', count(*) from sl_supervision_order union all
				select 'finding', count(*) from sl_finding union all
				select 'attachment', count(*) from sl_case_attachment union all
				select 'comment', count(*) from act_hi_comment""").toString()
				+ jdbc.queryForList("select display_name from sl_account order by username", String.class)
				+ jdbc.queryForList("select name from sl_org_unit order by id", String.class);
	}

}
