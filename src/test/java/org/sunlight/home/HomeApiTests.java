package org.sunlight.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.sunlight.home.HomeFixtures.HANDLER;
import static org.sunlight.home.HomeFixtures.HANDLER_NAME;
import static org.sunlight.home.HomeFixtures.LEADER;
import static org.sunlight.home.HomeFixtures.MULTI;
import static org.sunlight.home.HomeFixtures.OTHER_HANDLER;
import static org.sunlight.home.HomeFixtures.OUTSIDER;
import static org.sunlight.home.HomeFixtures.SUPERVISOR;
import static org.sunlight.home.HomeFixtures.clockAt;
import static org.sunlight.home.HomeFixtures.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.sunlight.support.Models;

/**
 * {@code GET /api/home}: each role's section computed for the caller from real cases driven on the
 * engine clock. HM-HOME-001's first step is due at 17:30 on the working day after it begins and
 * turns yellow four working hours before (13:30).
 */
class HomeApiTests extends HomeTestBase {

	@Test
	void aHandlerSeesRedThenYellowTasksAndTheOrdersWaitingForThem() throws Exception {
		String red = home.startAndClaim("2026-11-23T09:00", "红灯申请人");
		String yellow = home.startAndClaim("2026-11-24T09:00", "黄灯申请人");
		home.startAndClaim("2026-11-25T09:00", "绿灯申请人");
		clockAt("2026-11-25T14:00");

		String page = home.read("/api/home", HANDLER);
		assertThat((List<String>) JsonPath.read(page, "$.roles")).containsExactly("HANDLER");
		assertThat((Integer) JsonPath.read(page, "$.handler.red")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(page, "$.handler.yellow")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(page, "$.handler.open")).isEqualTo(3);
		assertThat((List<String>) JsonPath.read(page, "$.handler.urgent[*].caseId")).containsExactly(red, yellow);
		assertThat((List<String>) JsonPath.read(page, "$.handler.urgent[*].lamp")).containsExactly("RED", "YELLOW");
		assertThat((List<String>) JsonPath.read(page, "$.handler.urgent[*].powerName")).containsOnly("首页测试事项");
		assertThat((Integer) JsonPath.read(page, "$.handler.orders")).isZero();
		for (String other : List.of("supervisor", "leader", "designer", "reviewer", "admin")) {
			assertThat((Object) JsonPath.read(page, "$." + other)).as(other).isNull();
		}

		home.fireDueTimers(red);
		expect(201, home.send(post("/api/escalations/" + home.escalation(red, "RED") + "/orders"), SUPERVISOR,
				"{\"instruction\":\"请说明超时原因\",\"replyWithin\":\"P1D\"}"));
		page = home.read("/api/home", HANDLER);
		assertThat((Integer) JsonPath.read(page, "$.handler.orders")).isEqualTo(1);
		assertThat((String) JsonPath.read(page, "$.handler.newOrders[0].instruction")).isEqualTo("请说明超时原因");
		assertThat((String) JsonPath.read(page, "$.handler.newOrders[0].issuedByName"))
			.isEqualTo(HomeFixtures.SUPERVISOR_NAME);
		// The order's reply is not counted among the case tasks.
		assertThat((Integer) JsonPath.read(page, "$.handler.open")).isEqualTo(3);

		// A colleague in the same post: the tasks are claimed and the order is addressed to the holder.
		String colleague = home.read("/api/home", OTHER_HANDLER);
		assertThat((Integer) JsonPath.read(colleague, "$.handler.open")).isZero();
		assertThat((Integer) JsonPath.read(colleague, "$.handler.orders")).isZero();
	}

	@Test
	void aSupervisorSeesNewEscalationsAndOverdueOrdersOfTheirDepartments() throws Exception {
		String caseId = home.startAndClaim("2026-11-23T09:00", "督办申请人");
		clockAt("2026-11-24T17:31");
		home.fireDueTimers(caseId);

		String page = home.read("/api/home", SUPERVISOR);
		assertThat((Integer) JsonPath.read(page, "$.supervisor.newEscalations")).isEqualTo(2);
		assertThat((List<String>) JsonPath.read(page, "$.supervisor.escalations[*].level"))
			.containsExactlyInAnyOrder("RED", "YELLOW");
		assertThat((List<String>) JsonPath.read(page, "$.supervisor.escalations[*].departmentName"))
			.containsOnly("首页县行政审批局");
		assertThat((Integer) JsonPath.read(page, "$.supervisor.overdueOrders")).isZero();

		String yellow = home.escalation(caseId, "YELLOW");
		expect(200, home.send(post("/api/escalations/" + yellow + "/acknowledge"), SUPERVISOR, "{\"note\":\"已提醒\"}"));
		assertThat((Integer) JsonPath.read(home.read("/api/home", SUPERVISOR), "$.supervisor.newEscalations"))
			.isEqualTo(1);

		clockAt("2026-11-25T09:00");
		expect(201, home.send(post("/api/escalations/" + home.escalation(caseId, "RED") + "/orders"), SUPERVISOR,
				"{\"instruction\":\"一小时内回复\",\"replyWithin\":\"PT1H\"}"));
		clockAt("2026-11-25T09:59");
		assertThat((Integer) JsonPath.read(home.read("/api/home", SUPERVISOR), "$.supervisor.overdueOrders")).isZero();
		clockAt("2026-11-25T10:01");
		page = home.read("/api/home", SUPERVISOR);
		assertThat((Integer) JsonPath.read(page, "$.supervisor.overdueOrders")).isEqualTo(1);
		assertThat((String) JsonPath.read(page, "$.supervisor.orders[0].caseId")).isEqualTo(caseId);
		assertThat((String) JsonPath.read(page, "$.supervisor.orders[0].lamp")).isEqualTo("RED");
		assertThat((String) JsonPath.read(page, "$.supervisor.orders[0].assigneeName")).isEqualTo(HANDLER_NAME);
	}

	@Test
	void aLeaderSeesTheApprovalsAndRedAlarmsOfTheirUnitAndAnotherUnitsLeaderNothing() throws Exception {
		String caseId = home.startAndClaim("2026-11-23T09:00", "延期申请人");
		expect(201, home.send(post("/api/cases/" + caseId + "/extensions"), HANDLER,
				"{\"amount\":\"P3D\",\"reason\":\"需专家论证\"}"));
		clockAt("2026-11-24T17:31");
		home.fireDueTimers(caseId);

		String page = home.read("/api/home", LEADER);
		assertThat((Integer) JsonPath.read(page, "$.leader.pendingExtensions")).isEqualTo(1);
		assertThat((String) JsonPath.read(page, "$.leader.extensions[0].requestedByName")).isEqualTo(HANDLER_NAME);
		assertThat((String) JsonPath.read(page, "$.leader.extensions[0].amount")).isEqualTo("P3D");
		assertThat((Integer) JsonPath.read(page, "$.leader.redAlarms")).isEqualTo(1);
		assertThat((String) JsonPath.read(page, "$.leader.alarms[0].stepName")).isEqualTo("受理");
		assertThat((String) JsonPath.read(page, "$.leader.alarms[0].caseId")).isEqualTo(caseId);

		String outsider = home.read("/api/home", OUTSIDER);
		assertThat((Integer) JsonPath.read(outsider, "$.leader.pendingExtensions")).isZero();
		assertThat((Integer) JsonPath.read(outsider, "$.leader.redAlarms")).isZero();
		assertThat((List<Object>) JsonPath.read(outsider, "$.leader.alarms")).isEmpty();

		expect(200, home.send(post("/api/cases/" + caseId + "/extensions/approve"), LEADER, "{}"));
		assertThat((Integer) JsonPath.read(home.read("/api/home", LEADER), "$.leader.pendingExtensions")).isZero();
	}

	@Test
	void someoneWithTwoRolesGetsBothSectionsOnOnePage() throws Exception {
		String page = home.read("/api/home", MULTI);
		assertThat((List<String>) JsonPath.read(page, "$.roles")).containsExactly("HANDLER", "LEADER");
		assertThat((Integer) JsonPath.read(page, "$.handler.open")).isZero();
		assertThat((Integer) JsonPath.read(page, "$.leader.pendingExtensions")).isZero();
		assertThat((Object) JsonPath.read(page, "$.supervisor")).isNull();
		assertThat((Object) JsonPath.read(page, "$.admin")).isNull();
	}

	@Test
	void aDesignerSeesTheirDraftsAndVersionsInReviewAndTheReviewerTheQueue() throws Exception {
		ClockUtil.reset();
		int drafts = JsonPath.read(home.read("/api/home", "designer"), "$.designer.drafts");
		String xml = Models.text("api/seal-engraving-permit.bpmn").replace("TEST-SEAL-001", "HM-DRAFT-001");
		MockHttpServletResponse created = home.send(post("/api/designer/drafts"), "designer",
				"{\"xml\":" + new ObjectMapper().writeValueAsString(xml) + "}");
		expect(201, created);
		String draftId = JsonPath.read(created.getContentAsString(), "$.id");
		String page = home.read("/api/home", "designer");
		assertThat((Integer) JsonPath.read(page, "$.designer.drafts")).isEqualTo(drafts + 1);
		assertThat((String) JsonPath.read(page, "$.designer.recentDrafts[0].id")).isEqualTo(draftId);
		assertThat((String) JsonPath.read(page, "$.designer.recentDrafts[0].powerCode")).isEqualTo("HM-DRAFT-001");

		String version = Models.text("api/seal-engraving-permit.bpmn")
			.replace("TEST-SEAL-001", "HM-REVIEW-001")
			.replace("seal_engraving_permit", "home_review")
			// A department the demo designer draws for.
			.replace("public-security-bureau", "land-bureau");
		MockHttpServletResponse submitted = mvc.perform(post("/api/models")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(version.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
		expect(202, submitted);
		int number = JsonPath.read(submitted.getContentAsString(), "$.version");
		page = home.read("/api/home", "designer");
		assertThat((List<String>) JsonPath.read(page, "$.designer.submissions[*].powerCode")).contains("HM-REVIEW-001");
		String queue = home.read("/api/home", "reviewer");
		assertThat((List<String>) JsonPath.read(queue,
				"$.reviewer.submissions[?(@.powerCode == 'HM-REVIEW-001')].submittedByName"))
			.containsExactly("流程设计员 李明");
		int waiting = JsonPath.read(queue, "$.reviewer.queue");

		expect(200, home.send(post("/api/powers/HM-REVIEW-001/versions/" + number + "/reject"), "reviewer",
				"{\"reason\":\"法律依据不全\"}"));
		assertThat((Integer) JsonPath.read(home.read("/api/home", "reviewer"), "$.reviewer.queue"))
			.isEqualTo(waiting - 1);
		expect(204, home.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/designer/drafts/" + draftId + "?revision=1"), "designer", ""));
	}

	@Test
	void anAdministratorSeesCalendarCoverageJobBacklogAuditAndTheDeliveriesSlot() throws Exception {
		String caseId = home.startAndClaim("2026-11-23T09:00", "运维申请人");
		clockAt("2026-11-25T10:00");
		String before = home.read("/api/home", "admin");
		assertThat((List<String>) JsonPath.read(before, "$.roles")).containsExactly("ADMIN");
		assertThat((Object) JsonPath.read(before, "$.handler")).isNull();
		assertThat((Integer) JsonPath.read(before, "$.admin.calendar.currentYear")).isEqualTo(2026);
		assertThat((Boolean) JsonPath.read(before, "$.admin.calendar.nextYearDue")).as("November").isTrue();
		boolean covered = JsonPath.read(before, "$.admin.calendar.currentYearCovered");
		boolean next = JsonPath.read(before, "$.admin.calendar.nextYearCovered");
		assertThat((Boolean) JsonPath.read(before, "$.admin.calendar.ok")).isEqualTo(covered && next);
		// The case's timers fell due a day ago and no job executor runs in tests: a backlog.
		assertThat((Integer) JsonPath.read(before, "$.admin.jobs.due")).isPositive();
		assertThat((Boolean) JsonPath.read(before, "$.admin.jobs.backlogged")).isTrue();
		assertThat((Boolean) JsonPath.read(before, "$.admin.jobs.ok")).isFalse();
		assertThat((String) JsonPath.read(before, "$.admin.jobs.oldestDue")).endsWith("+08:00");
		// The notification module fills the slot with its deliveries that ran out of retries.
		assertThat((Boolean) JsonPath.read(before, "$.admin.deliveries.installed")).isTrue();
		assertThat((Integer) JsonPath.read(before, "$.admin.deliveries.failed")).isNotNegative();
		assertThat((Integer) JsonPath.read(before, "$.admin.audit.sealedTo")).isNotNegative();

		int failed = JsonPath.read(before, "$.admin.jobs.failed");
		String timer = management.createJobQuery().processInstanceId(caseId).timers().list().get(0).getId();
		management.setJobRetries(timer, 0);
		assertThat((Integer) JsonPath.read(home.read("/api/home", "admin"), "$.admin.jobs.failed"))
			.isEqualTo(failed + 1);
	}

}
