package org.sunlight.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.sunlight.home.HomeFixtures.HANDLER;
import static org.sunlight.home.HomeFixtures.HANDLER_NAME;
import static org.sunlight.home.HomeFixtures.LEADER;
import static org.sunlight.home.HomeFixtures.LEADER_NAME;
import static org.sunlight.home.HomeFixtures.OTHER_HANDLER;
import static org.sunlight.home.HomeFixtures.OUTSIDER;
import static org.sunlight.home.HomeFixtures.SUPERVISOR;
import static org.sunlight.home.HomeFixtures.SUPERVISOR_NAME;
import static org.sunlight.home.HomeFixtures.clockAt;
import static org.sunlight.home.HomeFixtures.expect;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.sunlight.supervision.Clocks;

/**
 * The inboxes (docs/home.md): a leader's extension requests decided through the same endpoints the
 * inbox page calls, a handler's done list and past orders, a supervisor's issued orders, each the
 * caller's own. HM-HOME-001's first step, begun Monday 23 November 2026 09:00 in Beijing, is due
 * the next day at 17:30; the case is due Thursday 26 November 17:30.
 */
class InboxApiTests extends HomeTestBase {

	@Autowired
	Clocks clocks;

	@Test
	void aLeaderReadsTheRequestsOfTheirUnitByNameAndDecidesThemThere() throws Exception {
		String approved = home.startAndClaim("2026-11-23T09:00", "某某刻章店");
		String refused = home.startAndClaim("2026-11-23T09:00", "另一刻章店");
		expect(201, home.send(post("/api/cases/" + approved + "/extensions"), HANDLER,
				"{\"amount\":\"P5D\",\"reason\":\"需组织现场核查\"}"));
		expect(201, home.send(post("/api/cases/" + refused + "/extensions"), HANDLER,
				"{\"amount\":\"P2D\",\"reason\":\"材料需补正\"}"));

		String pending = home.read("/api/inbox/extensions", LEADER);
		assertThat((Integer) JsonPath.read(pending, "$.total")).isEqualTo(2);
		List<Map<String, Object>> items = JsonPath.read(pending, "$.items[?(@.caseId == '" + approved + "')]");
		Map<String, Object> item = items.get(0);
		assertThat(item).containsEntry("powerCode", HomeFixtures.POWER)
			.containsEntry("powerName", "首页测试事项")
			.containsEntry("departmentName", "首页县行政审批局")
			.containsEntry("applicantName", "某某刻章店")
			.containsEntry("requestedBy", HANDLER)
			.containsEntry("requestedByName", HANDLER_NAME)
			.containsEntry("amount", "P5D")
			.containsEntry("calendar", "workday")
			.containsEntry("reason", "需组织现场核查")
			.containsEntry("status", "REQUESTED")
			// The case deadline it moves, and where an approval puts it: five working days on.
			.containsEntry("deadline", "2026-11-26T17:30:00+08:00")
			.containsEntry("extendedDeadline", "2026-12-03T17:30:00+08:00")
			.containsEntry("lamp", "GREEN");
		assertThat((List<String>) item.get("steps")).containsExactly("受理");
		assertThat((String) item.get("caseNumber")).isNotBlank();

		// A leader of another unit, and the demo county's leader, see none of it.
		assertThat((Integer) JsonPath.read(home.read("/api/inbox/extensions", OUTSIDER), "$.total")).isZero();
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/extensions", "leader"), "$.items[*].caseId"))
			.doesNotContain(approved, refused);

		expect(200, home.send(post("/api/cases/" + approved + "/extensions/approve"), LEADER, "{\"note\":\"同意\"}"));
		MockHttpServletResponse noReason = home.send(post("/api/cases/" + refused + "/extensions/reject"), LEADER, "{}");
		expect(400, noReason);
		assertThat(noReason.getContentAsString()).contains("reason");
		expect(200, home.send(post("/api/cases/" + refused + "/extensions/reject"), LEADER,
				"{\"note\":\"理由不充分，请按期办结\"}"));

		assertThat((Integer) JsonPath.read(home.read("/api/inbox/extensions", LEADER), "$.total")).isZero();
		assertThat(clocks.caseSchedule(approved).orElseThrow().deadline())
			.isEqualTo(HomeFixtures.at("2026-12-03T17:30"));
		String decided = home.read("/api/inbox/extensions?status=decided", LEADER);
		assertThat((Integer) JsonPath.read(decided, "$.total")).isEqualTo(2);
		assertThat((List<String>) JsonPath.read(decided, "$.items[?(@.caseId == '" + approved + "')].status"))
			.containsExactly("APPROVED");
		assertThat((List<String>) JsonPath.read(decided, "$.items[?(@.caseId == '" + refused + "')].note"))
			.containsExactly("理由不充分，请按期办结");
		assertThat((List<String>) JsonPath.read(decided, "$.items[*].decidedByName")).containsOnly(LEADER_NAME);
		assertThat((Integer) JsonPath.read(home.read("/api/inbox/extensions?status=decided", OUTSIDER), "$.total"))
			.isZero();
	}

	@Test
	void aHandlersDoneListSaysWhatTheyCompletedAndWhetherLateAndIsTheirsAlone() throws Exception {
		// A week after the other tests' cases, so these two are the handler's most recent.
		String onTime = home.startAndClaim("2026-12-07T09:00", "准时申请人");
		String late = home.startAndClaim("2026-12-07T09:00", "超时申请人");
		String onTimeTask = home.openTask(onTime);
		String lateTask = home.openTask(late);
		clockAt("2026-12-07T15:00");
		home.complete(onTimeTask);
		clockAt("2026-12-09T10:00");
		home.complete(lateTask);

		String done = home.read("/api/inbox/done?size=2", HANDLER);
		assertThat((List<String>) JsonPath.read(done, "$.items[*].taskId")).containsExactly(lateTask, onTimeTask);
		Map<String, Object> first = JsonPath.read(done, "$.items[0]");
		assertThat(first).containsEntry("caseId", late)
			.containsEntry("powerName", "首页测试事项")
			.containsEntry("stepName", "受理")
			.containsEntry("completedAt", "2026-12-09T10:00:00+08:00")
			.containsEntry("deadline", "2026-12-08T17:30:00+08:00")
			.containsEntry("late", true)
			.containsEntry("order", false);
		assertThat((Boolean) JsonPath.read(done, "$.items[1].late")).isFalse();
		assertThat((Integer) JsonPath.read(done, "$.total")).isGreaterThanOrEqualTo(2);
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/done?size=1&page=1", HANDLER),
				"$.items[*].taskId")).containsExactly(onTimeTask);

		// Nobody reads another's done list: there is no parameter for it, and the colleague's is theirs.
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/done?size=200", OTHER_HANDLER),
				"$.items[*].taskId")).doesNotContain(onTimeTask, lateTask);
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/done?size=200&user=" + HANDLER, OTHER_HANDLER),
				"$.items[*].taskId")).doesNotContain(onTimeTask, lateTask);

		expect(400, home.send(get("/api/inbox/done?size=0"), HANDLER, ""));
		expect(400, home.send(get("/api/inbox/done?page=-1"), HANDLER, ""));
		expect(400, home.send(get("/api/inbox/extensions?status=everything"), LEADER, ""));
	}

	@Test
	void aSupervisorFollowsTheOrdersTheyIssuedUntilTheHandlerReplies() throws Exception {
		String caseId = home.startAndClaim("2026-11-23T09:00", "督办申请人");
		clockAt("2026-11-24T17:31");
		home.fireDueTimers(caseId);
		String red = home.escalation(caseId, "RED");
		clockAt("2026-11-25T09:00");
		expect(201, home.send(post("/api/escalations/" + red + "/orders"), SUPERVISOR,
				"{\"instruction\":\"请今日内办结并说明原因\",\"replyWithin\":\"PT4H\"}"));

		String issued = home.read("/api/inbox/orders/issued", SUPERVISOR);
		assertThat((Integer) JsonPath.read(issued, "$.total")).isEqualTo(1);
		Map<String, Object> open = JsonPath.read(issued, "$.items[0]");
		assertThat(open).containsEntry("caseId", caseId)
			.containsEntry("lamp", "GREEN")
			.containsEntry("issuedByName", SUPERVISOR_NAME)
			.containsEntry("assignee", HANDLER)
			.containsEntry("assigneeName", HANDLER_NAME)
			.containsEntry("powerName", "首页测试事项")
			.containsEntry("stepName", "受理")
			.containsEntry("deadline", "2026-11-25T14:30:00+08:00");
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/orders/issued?size=200", "supervisor"),
				"$.items[*].caseId")).doesNotContain(caseId);

		String reply = (String) open.get("taskId");
		clockAt("2026-11-25T15:00");
		expect(204, home.send(post("/api/tasks/" + reply + "/claim"), HANDLER, ""));
		expect(204, home.send(post("/api/tasks/" + reply + "/complete"), HANDLER,
				"{\"variables\":{\"reply\":\"已办结，延误系材料补正\"}}"));

		Map<String, Object> answered = JsonPath.read(home.read("/api/inbox/orders/issued", SUPERVISOR), "$.items[0]");
		assertThat(answered).containsEntry("lamp", "DONE")
			.containsEntry("reply", "已办结，延误系材料补正")
			.containsEntry("repliedByName", HANDLER_NAME)
			.containsEntry("repliedAt", "2026-11-25T15:00:00+08:00")
			.containsEntry("late", true);

		String past = home.read("/api/inbox/orders/replied", HANDLER);
		assertThat((List<String>) JsonPath.read(past, "$.items[*].caseId")).contains(caseId);
		assertThat((List<String>) JsonPath.read(home.read("/api/inbox/orders/replied?size=200", OTHER_HANDLER),
				"$.items[*].caseId")).doesNotContain(caseId);
		// The reply is in the done list too, under the supervised case.
		assertThat((List<Boolean>) JsonPath.read(home.read("/api/inbox/done", HANDLER),
				"$.items[?(@.taskId == '" + reply + "')].order")).containsExactly(true);
	}

	@Test
	void anOrderToAPostNamesThePostNotItsId() throws Exception {
		String caseId = home.start("2026-11-23T09:00", "无人签收申请人");
		clockAt("2026-11-24T17:31");
		home.fireDueTimers(caseId);
		expect(201, home.send(post("/api/escalations/" + home.escalation(caseId, "RED") + "/orders"), SUPERVISOR,
				"{\"instruction\":\"请窗口尽快受理\",\"replyWithin\":\"P1D\"}"));
		String issued = home.read("/api/inbox/orders/issued", SUPERVISOR);
		List<Map<String, Object>> mine = JsonPath.read(issued, "$.items[?(@.caseId == '" + caseId + "')]");
		assertThat(mine.get(0)).containsEntry("assignee", null);
		assertThat((List<String>) mine.get(0).get("candidateGroups")).containsExactly("home-window");
		assertThat((List<String>) mine.get(0).get("candidateGroupNames")).containsExactly("综合窗口");
	}

}
