package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * The objects of {@link AccessMatrixTests}'s object matrix. "Own" is a scope of its own: unit
 * {@code matrix-unit} with department {@code matrix-dept} and post {@code matrix-window}, whose
 * handler, supervisor, principal leader (also the department head) and a designer are the
 * {@link #SCOPED} people, and power MX-MATRIX-001 with one case, its open task, an attachment, an
 * extension request, a red alarm and a new version in review. "Other" is the demo county's:
 * TEST-SEAL-001 of public-security-bureau with a case handler1 started, its unclaimed task,
 * handler1's attachment, its red alarm, a new version in review and a draft of another designer.
 */
final class ObjectFixtures {

	static final String PASSWORD = "matrix-pass-1";

	/**
	 * Who calls for each role: scoped to matrix-dept, except administrators and designers (the demo
	 * ones); a role not named here calls as its demo person.
	 */
	static final Map<String, String> SCOPED = Map.of("ADMIN", "admin", "DESIGNER", "designer", "HANDLER",
			"matrix-handler", "SUPERVISOR", "matrix-supervisor", "LEADER", "matrix-leader");

	private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

	/** The ids of one side; {@link #own} and {@link #other} put them into an endpoint's path. */
	record Side(String caseId, String taskId, String attachmentId, String escalationId, String draftId,
			String powerCode, int versionInReview) {

		String path(String endpoint) {
			String pattern = endpoint.split(" ", 2)[1];
			String id = pattern.startsWith("/api/escalations/") ? escalationId
					: pattern.startsWith("/api/designer/drafts/") ? draftId
					: pattern.startsWith("/api/org/units/") ? "matrix-unit" : "matrix-dept";
			return pattern.replace("{caseId}", caseId)
				.replace("{taskId}", taskId)
				.replace("{attachmentId}", attachmentId)
				.replace("{code}", powerCode)
				.replace("{version}", String.valueOf(versionInReview))
				.replace("{username}", "matrix-handler")
				.replace("{year}", "2031")
				.replace("{id}", id);
		}

	}

	/**
	 * Notifications belong to one person: {@code notifications} holds one of each caller's, and
	 * {@code othersNotification} one of handler2's, who calls for no role; {@code failedDelivery}
	 * is a failed delivery for the administrator to retry.
	 */
	record Scope(Side ownSide, Side otherSide, Map<String, String> notifications, String othersNotification,
			String failedDelivery) {

		String own(String endpoint, String person) {
			String pattern = endpoint.split(" ", 2)[1];
			if (pattern.startsWith("/api/notifications/failed/")) {
				return pattern.replace("{id}", failedDelivery);
			}
			if (pattern.startsWith("/api/notifications/")) {
				return pattern.replace("{id}", notifications.get(person));
			}
			return ownSide.path(endpoint);
		}

		String other(String endpoint) {
			String pattern = endpoint.split(" ", 2)[1];
			if (pattern.startsWith("/api/notifications/") && !pattern.startsWith("/api/notifications/failed/")) {
				return pattern.replace("{id}", othersNotification);
			}
			return otherSide.path(endpoint);
		}

	}

	private final MockMvc mvc;
	private final PowerDeployment deployment;
	private final ManagementService management;
	private final TaskService tasks;
	private final JdbcTemplate jdbc;

	ObjectFixtures(MockMvc mvc, PowerDeployment deployment, ManagementService management, TaskService tasks,
			JdbcTemplate jdbc) {
		this.mvc = mvc;
		this.deployment = deployment;
		this.management = management;
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	Scope prepare() throws Exception {
		organisation();
		ClockUtil.setCurrentTime(Date.from(START));
		try {
			String seal = Models.text("api/seal-engraving-permit.bpmn");
			deployment.deploy(seal.getBytes(StandardCharsets.UTF_8), "test");
			deployment.deploy(matrixPower(seal).getBytes(StandardCharsets.UTF_8), "test");
			String ownCase = start("matrix-handler", PASSWORD, "MX-MATRIX-001");
			String otherCase = start("handler1", "demo", "TEST-SEAL-001");
			String ownAttachment = attach(ownCase, "matrix-handler", PASSWORD);
			String otherAttachment = attach(otherCase, "handler1", "demo");
			expect(201, send(post("/api/cases/" + ownCase + "/extensions"), "matrix-handler", PASSWORD,
					"{\"amount\":\"P1D\",\"reason\":\"需现场核查\"}"));
			String ownDraft = draft("designer", "demo", "MX-DRAFT-OWN");
			String otherDraft = draft("matrix-designer", PASSWORD, "MX-DRAFT-OTHER");
			int ownSubmission = submit("matrix-designer", PASSWORD, matrixPower(seal));
			int otherSubmission = submit("designer", "demo", seal);
			Side own = new Side(ownCase, openTask(ownCase), ownAttachment, null, ownDraft, "MX-MATRIX-001",
					ownSubmission);
			Side other = new Side(otherCase, openTask(otherCase), otherAttachment, null, otherDraft, "TEST-SEAL-001",
					otherSubmission);
			fireTimers(ownCase, otherCase);
			Map<String, String> notifications = new java.util.HashMap<>();
			for (String role : AccessMatrixTests.PEOPLE.keySet()) {
				String person = SCOPED.getOrDefault(role, AccessMatrixTests.PEOPLE.get(role));
				notifications.put(person, notification(person, "DELIVERED"));
			}
			return new Scope(withRed(own), withRed(other), notifications, notification("handler2", "DELIVERED"),
					notification("admin", "FAILED"));
		}
		finally {
			ClockUtil.reset();
		}
	}

	/** Nothing of another's moved: no pause, claim, comment, extension, acknowledgement or new file. */
	boolean untouched(Scope scope) {
		Side other = scope.otherSide();
		return jdbc.queryForObject("select count(*) from sl_clock_pause where case_id = ?", Integer.class, other.caseId()) == 0
				&& jdbc.queryForObject("select count(*) from sl_clock_extension where case_id = ?", Integer.class,
						other.caseId()) == 0
				&& jdbc.queryForObject("select count(*) from sl_case_attachment where case_id = ?", Integer.class,
						other.caseId()) == 1
				&& "OPEN".equals(jdbc.queryForObject("select status from sl_escalation where id = ?", String.class,
						other.escalationId()))
				&& tasks.createTaskQuery().taskId(other.taskId()).singleResult().getAssignee() == null
				&& tasks.getProcessInstanceComments(other.caseId()).isEmpty()
				&& jdbc.queryForObject("select count(*) from sl_notification where id = ? and read_at is null",
						Integer.class, scope.othersNotification()) == 1;
	}

	/** Created once per database; the test context is shared with other test classes. */
	private void organisation() throws Exception {
		if (jdbc.queryForObject("select count(*) from sl_org_unit where id = 'matrix-unit'", Integer.class) > 0) {
			return;
		}
		admin(post("/api/org/units"), "{\"id\":\"matrix-unit\",\"name\":\"矩阵县\"}");
		admin(post("/api/org/departments"), "{\"id\":\"matrix-dept\",\"unitId\":\"matrix-unit\",\"name\":\"矩阵局\"}");
		admin(post("/api/org/posts"), "{\"id\":\"matrix-window\",\"departmentId\":\"matrix-dept\",\"name\":\"矩阵窗口\"}");
		person("matrix-handler", "HANDLER", "[\"matrix-window\"]");
		person("matrix-supervisor", "SUPERVISOR", "[]");
		person("matrix-leader", "LEADER", "[]");
		person("matrix-designer", "DESIGNER", "[]");
		admin(put("/api/org/departments/matrix-dept"), "{\"unitId\":\"matrix-unit\",\"name\":\"矩阵局\",\"headUser\":\"matrix-leader\"}");
		admin(put("/api/org/units/matrix-unit/leaders"), "{\"principal\":\"matrix-leader\",\"deputies\":[]}");
		admin(put("/api/org/supervisors/matrix-supervisor"), "{\"departments\":[\"matrix-dept\"]}");
		admin(put("/api/org/designers/matrix-designer"), "{\"departments\":[\"matrix-dept\"]}");
	}

	private void person(String username, String role, String posts) throws Exception {
		MockHttpServletResponse response = send(post("/api/org/people"), "admin", "demo",
				"{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD
						+ "\",\"roles\":[\"" + role + "\"],\"posts\":" + posts + "}");
		expect(201, response);
	}

	private void admin(MockHttpServletRequestBuilder request, String body) throws Exception {
		MockHttpServletResponse response = send(request, "admin", "demo", body);
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
	}

	/** The seal power moved into matrix-dept, with a required field on its first step (so {} never completes it). */
	private static String matrixPower(String seal) {
		String power = seal.replace("TEST-SEAL-001", "MX-MATRIX-001")
			.replace("seal_engraving_permit", "matrix_power")
			.replace("public-security-bureau", "matrix-dept")
			.replace("seal-window", "matrix-window")
			.replace("seal-leader", "matrix-window")
			.replace("</sl:step>\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_1</bpmn:incoming>",
					"</sl:step><camunda:formData><camunda:formField id=\"opinion\" label=\"受理意见\" type=\"string\">"
							+ "<camunda:validation><camunda:constraint name=\"required\"/></camunda:validation>"
							+ "</camunda:formField></camunda:formData>\n      </bpmn:extensionElements>\n"
							+ "      <bpmn:incoming>Flow_1</bpmn:incoming>");
		assertThat(power).contains("camunda:formData");
		return power;
	}

	private String start(String user, String password, String powerCode) throws Exception {
		MockHttpServletResponse response = send(post("/api/cases"), user, password,
				"{\"powerCode\":\"" + powerCode + "\",\"applicant\":{\"name\":\"矩阵申请人\"}}");
		expect(201, response);
		return JsonPath.read(response.getContentAsString(), "$.caseId");
	}

	private String attach(String caseId, String user, String password) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/cases/" + caseId + "/attachments")
			.param("name", "申请书.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.content("%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII))
			.with(httpBasic(user, password))).andReturn().getResponse();
		expect(201, response);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private String draft(String user, String password, String code) throws Exception {
		String xml = Models.text("api/seal-engraving-permit.bpmn").replace("TEST-SEAL-001", code);
		MockHttpServletResponse response = send(post("/api/designer/drafts"), user, password,
				"{\"xml\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(xml) + "}");
		expect(201, response);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	/** A new version of a power, waiting for a reviewer; returns its version number. */
	private int submit(String user, String password, String xml) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/models").with(httpBasic(user, password))
			.contentType(MediaType.APPLICATION_XML)
			.content(xml.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
		expect(202, response);
		return JsonPath.read(response.getContentAsString(), "$.version");
	}

	private String openTask(String caseId) {
		return tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
	}

	/** Three days on, both first steps are overdue: their red alarms are raised. */
	private void fireTimers(String... caseIds) {
		Instant later = START.plusSeconds(3 * 24 * 3600);
		ClockUtil.setCurrentTime(Date.from(later));
		for (String caseId : caseIds) {
			management.createJobQuery().processInstanceId(caseId).timers()
				.duedateLowerThan(Date.from(later)).list()
				.forEach(job -> management.executeJob(job.getId()));
		}
	}

	/** A notification of the person's in the notification centre (in-app), or a failed delivery. */
	private String notification(String person, String status) {
		String id = java.util.UUID.randomUUID().toString();
		jdbc.update("""
				insert into sl_notification (id, idempotency_key, event_kind, event_key, recipient, channel, subject, body,
				  status, attempts, next_attempt_at, created_at) values (?, ?, 'CALENDAR_RUNNING_OUT', ?, ?, 'IN_APP',
				  '矩阵通知', '矩阵通知', ?, 0, ?, ?)""", id, "matrix:" + id, id, person, status,
				java.sql.Timestamp.from(START), java.sql.Timestamp.from(START));
		return id;
	}

	private Side withRed(Side side) {
		String red = jdbc.queryForObject(
				"select id from sl_escalation where task_id = ? and level = 'RED'", String.class, side.taskId());
		return new Side(side.caseId(), side.taskId(), side.attachmentId(), red, side.draftId(), side.powerCode(),
				side.versionInReview());
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String user, String password,
			String body) throws Exception {
		return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn().getResponse();
	}

	private static void expect(int status, MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
	}

}
