package org.sunlight.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.notification.internal.Outbox;
import org.sunlight.notification.internal.OutboxStore;

/** {@code /api/notifications}: the notification centre, preferences, and failed deliveries for the administrator. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPersonReadsTheirNotificationsAndMarksThemRead() throws Exception {
		// The context is shared with other test classes: these two people's inboxes start empty here.
		jdbc.update("delete from sl_notification where recipient in ('reviewer', 'handler2')");
		String key = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> {
			outbox.write(EventKind.REVIEW_REQUESTED, key + "-1", List.of("reviewer", "handler2"), null,
					new Outbox.Text("法制审核待办：公章刻制备案 第 2 版", "请审核。", "/review"));
			outbox.write(EventKind.REVIEW_REQUESTED, key + "-2", List.of("reviewer"), null,
					new Outbox.Text("法制审核待办：公章刻制备案 第 3 版", "请审核。", "/review"));
		});
		String mine = inApp(key + "-1", "reviewer");
		String others = inApp(key + "-1", "handler2");

		mvc.perform(as(get("/api/notifications/unread-count"), "reviewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2));
		mvc.perform(as(get("/api/notifications").param("size", "1"), "reviewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].subject").value("法制审核待办：公章刻制备案 第 3 版"))
			.andExpect(jsonPath("$.items[0].kind").value("REVIEW_REQUESTED"))
			.andExpect(jsonPath("$.items[0].link").value("/review"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.unread").value(2));

		mvc.perform(as(post("/api/notifications/" + mine + "/read"), "reviewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readAt").isNotEmpty());
		mvc.perform(as(get("/api/notifications").param("unread", "true"), "reviewer"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.unread").value(1));

		// Someone else's notification is not found, and stays unread.
		mvc.perform(as(post("/api/notifications/" + others + "/read"), "reviewer"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(as(post("/api/notifications/no-such-id/read"), "reviewer")).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select read_at from sl_notification where id = ?", java.sql.Timestamp.class, others))
			.isNull();

		mvc.perform(as(post("/api/notifications/read-all"), "reviewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(1));
		mvc.perform(as(get("/api/notifications/unread-count"), "reviewer")).andExpect(jsonPath("$.count").value(0));
		mvc.perform(as(get("/api/notifications/unread-count"), "handler2")).andExpect(jsonPath("$.count").value(1));
	}

	@Test
	void pagingOutOfRangeIsRefused() throws Exception {
		mvc.perform(as(get("/api/notifications").param("size", "0"), "handler1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("size")));
		mvc.perform(as(get("/api/notifications").param("size", "201"), "handler1")).andExpect(status().isBadRequest());
		mvc.perform(as(get("/api/notifications").param("unread", "maybe"), "handler1")).andExpect(status().isBadRequest());
	}

	@Test
	void preferencesAreCheckedAndKept() throws Exception {
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"email\":\"not-an-address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("email")));
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"off\":[\"ESCALATION_RAISED:DINGTALK\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("IN_APP or MAIL")));
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"off\":[\"NO_SUCH:MAIL\"]}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"quietFrom\":\"22:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("quietTo")));
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"quietFrom\":\"25:00\",\"quietTo\":\"07:00\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "{\"email\":\"" + "a".repeat(400) + "@x.cn\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(put("/api/notifications/preferences"), "leader", "[]")).andExpect(status().isBadRequest());
		mvc.perform(as(get("/api/notifications/preferences"), "leader"))
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.off.length()").value(0));

		mvc.perform(json(put("/api/notifications/preferences"), "leader",
				"{\"email\":\"liuyang@example.gov.cn\",\"off\":[\"DIGEST:MAIL\",\"REVIEW_REQUESTED:IN_APP\"],"
						+ "\"quietFrom\":\"22:00\",\"quietTo\":\"07:00\"}"))
			.andExpect(status().isOk());
		mvc.perform(as(get("/api/notifications/preferences"), "leader"))
			.andExpect(jsonPath("$.email").value("liuyang@example.gov.cn"))
			.andExpect(jsonPath("$.off[0]").value("DIGEST:MAIL"))
			.andExpect(jsonPath("$.off[1]").value("REVIEW_REQUESTED:IN_APP"))
			.andExpect(jsonPath("$.quietFrom").value("22:00"))
			.andExpect(jsonPath("$.quietTo").value("07:00"));
	}

	@Test
	void theAdministratorSeesFailedDeliveriesAndRetriesThem() throws Exception {
		String key = UUID.randomUUID().toString();
		transactions.executeWithoutResult(status -> outbox.write(EventKind.CALENDAR_RUNNING_OUT, key, List.of("admin"),
				null, new Outbox.Text("节假日表缺少 2031 年", "请录入。", "/admin")));
		String id = inApp(key, "admin");
		mvc.perform(as(post("/api/notifications/failed/" + id + "/retry"), "admin"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("only a FAILED one")));
		jdbc.update("update sl_notification set status = 'FAILED', attempts = 5, last_error = 'HTTP 502' where id = ?", id);

		mvc.perform(as(get("/api/notifications/failed"), "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')].lastError").value("HTTP 502"));
		mvc.perform(as(get("/api/notifications/failed"), "handler1")).andExpect(status().isForbidden());
		mvc.perform(as(post("/api/notifications/failed/" + id + "/retry"), "handler1")).andExpect(status().isForbidden());
		mvc.perform(as(post("/api/notifications/failed/no-such-id/retry"), "admin")).andExpect(status().isNotFound());

		mvc.perform(as(post("/api/notifications/failed/" + id + "/retry"), "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.attempts").value(0));
		assertThat(store.delivery(id).orElseThrow().status()).isEqualTo("PENDING");
	}

	@Test
	void theStreamStartsWithTheUnreadCount() throws Exception {
		mvc.perform(as(get("/api/notifications/stream"), "designer"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("event:unread")))
			.andExpect(content().string(containsString("\"count\":")));
	}

	private String inApp(String key, String person) {
		return jdbc.queryForObject("select id from sl_notification where event_key = ? and recipient = ? and channel = 'IN_APP'",
				String.class, key, person);
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user) {
		return request.with(httpBasic(user, "demo"));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String user, String body) {
		return as(request, user).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
