package org.sunlight.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.calendar.CalendarRunningOut;
import org.sunlight.calendar.CalendarWatch;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.modeling.PowerReviews;
import org.sunlight.notification.internal.Digest;
import org.sunlight.notification.internal.Outbox;
import org.sunlight.notification.internal.OutboxStore;
import org.sunlight.notification.internal.OutboxWorker;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationLevel;
import org.sunlight.supervision.Escalations;
import org.sunlight.supervision.Extensions;
import org.sunlight.supervision.SupervisionOrder;
import org.sunlight.supervision.SupervisionOrders;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.support.Models;

/**
 * The outbox end to end on the real channels: GreenMail for mail, a local HTTP receiver for the
 * DingTalk and WeCom robots. The worker's schedule is off; each test calls its poll and moves the
 * engine clock. The power: TEST-SEAL-001 of public-security-bureau, Task_Accept for post
 * seal-window (handler1, handler2) supervised by group discipline-office (supervisor).
 */
@SpringBootTest(properties = { "sunlight.notification.worker=false", "sunlight.notification.first-retry-delay=PT1M",
		"sunlight.notification.max-attempts=3", "sunlight.notification.lease=PT2M",
		"sunlight.notification.base-url=https://sunlight.example.gov.cn",
		"sunlight.notification.mail-from=sunlight@example.gov.cn" })
class NotificationOutboxTests {

	/** Monday 23 November 2026, 09:00 in Beijing. */
	static final Instant MONDAY_9 = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();
	static final String DINGTALK = "/robot/send";
	static final String WECOM = "/cgi-bin/webhook/send";
	static final String SECRET = "SEC0123456789abcdef";

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final RobotReceiver ROBOTS = new RobotReceiver();

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("sunlight.notification.robots[0].name", () -> "county-dingtalk");
		registry.add("sunlight.notification.robots[0].kind", () -> "DINGTALK");
		registry.add("sunlight.notification.robots[0].webhook", () -> ROBOTS.url(DINGTALK + "?access_token=county"));
		registry.add("sunlight.notification.robots[0].secret", () -> SECRET);
		registry.add("sunlight.notification.robots[1].name", () -> "county-wecom");
		registry.add("sunlight.notification.robots[1].kind", () -> "WECOM");
		registry.add("sunlight.notification.robots[1].webhook", () -> ROBOTS.url(WECOM + "?key=county"));
	}

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	Escalations escalations;

	@Autowired
	OutboxWorker worker;

	@Autowired
	OutboxStore store;

	@Autowired
	Outbox outbox;

	@Autowired
	Notifications notifications;

	@Autowired
	Digest digest;

	@Autowired
	Extensions extensions;

	@Autowired
	SupervisionOrders orders;

	@Autowired
	PowerReviews reviews;

	@Autowired
	CalendarWatch calendarWatch;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	String definitionId;

	@BeforeEach
	void setUp() throws Exception {
		ClockUtil.setCurrentTime(Date.from(MONDAY_9));
		definitionId = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test").processDefinitionId();
		// What earlier tests left is settled, so each test counts only its own deliveries.
		jdbc.update("update sl_notification set status = 'DELIVERED', claimed_by = null, claimed_until = null");
		MAIL.purgeEmailFromAllMailboxes();
		ROBOTS.clear();
		notifications.setPreferences("supervisor",
				new Notifications.Preferences("supervisor@example.gov.cn", List.of(), null, null));
		notifications.setPreferences("handler1", new Notifications.Preferences("handler1@example.gov.cn", List.of(), null, null));
		notifications.setPreferences("handler2", new Notifications.Preferences(null, List.of(), null, null));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theTimerOnlyWritesRowsAndTheWorkerDeliversEachChannelExactlyOnce() throws Exception {
		ProcessInstance instance = start();
		long unread = notifications.unread("handler2");
		Escalation yellow = fire(instance, "Task_Accept", EscalationLevel.YELLOW);

		List<Delivery> rows = store.ofEvent(EventKind.ESCALATION_RAISED, yellow.id());
		assertThat(rows).extracting(row -> row.channel() + " " + row.recipient()).containsExactlyInAnyOrder(
				"IN_APP supervisor", "IN_APP handler1", "IN_APP handler2", "MAIL supervisor", "MAIL handler1",
				"DINGTALK robot:county-dingtalk", "WECOM robot:county-wecom");
		// The timer job's transaction wrote rows and called nobody.
		assertThat(MAIL.getReceivedMessages()).isEmpty();
		assertThat(ROBOTS.received(DINGTALK)).isEmpty();
		assertThat(ROBOTS.received(WECOM)).isEmpty();
		assertThat(rows).filteredOn(row -> row.channel() != Channel.IN_APP).allMatch(row -> row.status().equals("PENDING"));
		// In-app is delivered by the commit itself.
		assertThat(notifications.unread("handler2")).isEqualTo(unread + 1);

		assertThat(worker.poll()).isEqualTo(4);
		assertThat(worker.poll()).isZero();

		MimeMessage[] mails = MAIL.getReceivedMessages();
		assertThat(mails).hasSize(2);
		assertThat(List.of(mails).stream().map(this::to).toList())
			.containsExactlyInAnyOrder("supervisor@example.gov.cn", "handler1@example.gov.cn");
		MimeMessage mail = mails[0];
		assertThat(mail.getSubject()).isEqualTo("【阳光审批】黄牌预警：公章刻制备案 案件 " + instance.getBusinessKey());
		assertThat((String) mail.getContent()).contains("环节「受理」即将到期", "期限 2026-11-24 17:30",
				"https://sunlight.example.gov.cn/console/cases/" + instance.getId());

		RobotReceiver.Received ding = ROBOTS.received(DINGTALK).get(0);
		assertThat(ROBOTS.received(DINGTALK)).hasSize(1);
		assertThat(ding.query()).containsEntry("access_token", "county");
		assertThat(ding.query().get("sign")).isEqualTo(sign(Long.parseLong(ding.query().get("timestamp")), SECRET));
		JsonNode dingBody = json.readTree(ding.body());
		assertThat(dingBody.path("msgtype").asText()).isEqualTo("markdown");
		assertThat(dingBody.path("markdown").path("title").asText()).startsWith("黄牌预警：公章刻制备案");
		assertThat(dingBody.path("markdown").path("text").asText()).contains("### 黄牌预警", "[查看](https://sunlight");

		assertThat(ROBOTS.received(WECOM)).singleElement().satisfies(wecom -> {
			JsonNode body = json.readTree(wecom.body());
			assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
			assertThat(body.path("markdown").path("content").asText()).contains("黄牌预警：公章刻制备案");
		});

		// The same event published again (a retried job, a second node) writes nothing twice.
		transactions.executeWithoutResult(status -> events.publishEvent(new org.sunlight.supervision.EscalationRaised(yellow)));
		assertThat(store.ofEvent(EventKind.ESCALATION_RAISED, yellow.id())).hasSize(7);
		assertThat(worker.poll()).isZero();
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aDeliveryFailingTwiceThenSucceedingIsDeliveredOnceWithBackOff() throws Exception {
		ROBOTS.script(DINGTALK, new RobotReceiver.Answer(500, "busy"),
				new RobotReceiver.Answer(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"));
		Escalation yellow = fire(start(), "Task_Accept", EscalationLevel.YELLOW);
		Instant firedAt = now();

		worker.poll();
		Delivery ding = robotRow(yellow, Channel.DINGTALK);
		assertThat(ding.status()).isEqualTo("PENDING");
		assertThat(ding.attempts()).isEqualTo(1);
		assertThat(ding.lastError()).contains("HTTP 500");
		assertThat(ding.nextAttemptAt()).isEqualTo(firedAt.plus(Duration.ofMinutes(1)));
		assertThat(worker.poll()).as("not before its back-off").isZero();

		travel(Duration.ofMinutes(1));
		assertThat(worker.poll()).isEqualTo(1);
		ding = robotRow(yellow, Channel.DINGTALK);
		assertThat(ding.lastError()).contains("keywords not in content");
		assertThat(ding.nextAttemptAt()).as("doubled").isEqualTo(now().plus(Duration.ofMinutes(2)));
		travel(Duration.ofMinutes(1));
		assertThat(worker.poll()).isZero();
		travel(Duration.ofMinutes(1));
		assertThat(worker.poll()).isEqualTo(1);

		assertThat(robotRow(yellow, Channel.DINGTALK).status()).isEqualTo("DELIVERED");
		assertThat(robotRow(yellow, Channel.DINGTALK).attempts()).isEqualTo(3);
		assertThat(ROBOTS.received(DINGTALK)).hasSize(3);
		assertThat(ROBOTS.received(WECOM)).hasSize(1);
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
		travel(Duration.ofHours(1));
		assertThat(worker.poll()).isZero();
		assertThat(ROBOTS.received(DINGTALK)).hasSize(3);
	}

	@Test
	void afterTheLastAttemptTheDeliveryIsFailedUntilTheAdministratorRetriesIt() throws Exception {
		RobotReceiver.Answer down = new RobotReceiver.Answer(502, "bad gateway");
		ROBOTS.script(WECOM, down, down, down);
		Escalation yellow = fire(start(), "Task_Accept", EscalationLevel.YELLOW);
		worker.poll();
		travel(Duration.ofMinutes(1));
		worker.poll();
		travel(Duration.ofMinutes(2));
		worker.poll();
		Delivery failed = robotRow(yellow, Channel.WECOM);
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.lastError()).contains("HTTP 502");
		travel(Duration.ofDays(1));
		assertThat(worker.poll()).as("a failed row waits for the administrator").isZero();
		assertThat(notifications.failed(new org.sunlight.system.Paging(0, 200)).items()).extracting(Delivery::id)
			.contains(failed.id());

		assertThat(notifications.retry(failed.id(), "admin").status()).isEqualTo("PENDING");
		assertThat(worker.poll()).isEqualTo(1);
		assertThat(robotRow(yellow, Channel.WECOM).status()).isEqualTo("DELIVERED");
		assertThat(ROBOTS.received(WECOM)).hasSize(4);
		assertThat(jdbc.queryForObject("select count(*) from sl_audit_record where action = 'NOTIFICATION_RETRIED' and subject_id = ?",
				Integer.class, failed.id())).isEqualTo(1);
	}

	@Test
	void twoWorkersNeverBothDeliverARow() throws Exception {
		int events = 40;
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < events; i++) {
				outbox.write(EventKind.CALENDAR_RUNNING_OUT, "load-" + i, List.of(), null,
						new Outbox.Text("负载 " + i, "第 " + i + " 条", null));
			}
		});
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> claimed = new ArrayList<>();
			for (String node : List.of("node-a", "node-b")) {
				claimed.add(nodes.submit(() -> {
					together.await();
					int total = 0;
					for (int n = worker.poll(node); n > 0; n = worker.poll(node)) {
						total += n;
					}
					return total;
				}));
			}
			assertThat(claimed.get(0).get() + claimed.get(1).get()).isEqualTo(2 * events);
		}
		finally {
			nodes.shutdownNow();
		}
		for (String path : List.of(DINGTALK, WECOM)) {
			List<String> bodies = ROBOTS.received(path).stream().map(RobotReceiver.Received::body).toList();
			assertThat(bodies).hasSize(events);
			assertThat(new TreeSet<>(bodies)).as("no message twice").hasSize(events);
		}
	}

	@Test
	void aRowClaimedByANodeKilledMidDeliveryIsDeliveredByAnotherAfterTheLease() {
		transactions.executeWithoutResult(status -> outbox.write(EventKind.CALENDAR_RUNNING_OUT, "killed", List.of(),
				null, new Outbox.Text("节点失联", "被杀死的节点认领了这条消息", null)));
		assertThat(worker.claimDue("killed-node")).hasSize(2);
		// kill -9: the claim stays in the database and nothing was sent.
		assertThat(worker.poll("node-b")).as("the lease still holds").isZero();
		travel(Duration.ofMinutes(1));
		assertThat(worker.poll("node-b")).isZero();
		travel(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(worker.poll("node-b")).isEqualTo(2);
		assertThat(store.ofEvent(EventKind.CALENDAR_RUNNING_OUT, "killed")).allMatch(row -> row.status().equals("DELIVERED"));
		assertThat(ROBOTS.received(DINGTALK)).hasSize(1);
		assertThat(ROBOTS.received(WECOM)).hasSize(1);
		travel(Duration.ofMinutes(5));
		assertThat(worker.poll("killed-node")).isZero();
	}

	@Test
	void aRolledBackEventLeavesNoMessageAndAnEventOutsideATransactionIsRefused() {
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new CalendarRunningOut(2099, "rolled back"));
			assertThat(store.ofEvent(EventKind.CALENDAR_RUNNING_OUT, "2099")).isNotEmpty();
			status.setRollbackOnly();
		});
		assertThat(store.ofEvent(EventKind.CALENDAR_RUNNING_OUT, "2099")).isEmpty();
		assertThat(worker.poll()).isZero();
		// Messages are only ever written inside their event's transaction.
		assertThatThrownBy(() -> events.publishEvent(new CalendarRunningOut(2099, "no transaction")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(store.ofEvent(EventKind.CALENDAR_RUNNING_OUT, "2099")).isEmpty();
	}

	@Test
	void quietHoursDeferMailAndPreferencesTurnChannelsOff() throws Exception {
		notifications.setPreferences("handler1",
				new Notifications.Preferences("handler1@example.gov.cn", List.of(), "08:00", "18:00"));
		notifications.setPreferences("supervisor", new Notifications.Preferences("supervisor@example.gov.cn",
				List.of("ESCALATION_RAISED:MAIL", "ESCALATION_RAISED:IN_APP"), null, null));
		ProcessInstance instance = start();
		// Task_Accept's warning: Tuesday 12:00, inside handler1's quiet hours.
		Escalation yellow = fire(instance, "Task_Accept", EscalationLevel.YELLOW);
		List<Delivery> rows = store.ofEvent(EventKind.ESCALATION_RAISED, yellow.id());
		assertThat(rows).extracting(row -> row.channel() + " " + row.recipient())
			.doesNotContain("MAIL supervisor", "IN_APP supervisor")
			.contains("MAIL handler1", "IN_APP handler1");
		Instant sixPm = OffsetDateTime.parse("2026-11-24T18:00:00+08:00").toInstant();
		assertThat(rows).filteredOn(row -> row.channel() == Channel.MAIL).singleElement()
			.satisfies(row -> assertThat(row.nextAttemptAt()).isEqualTo(sixPm));

		worker.poll();
		assertThat(MAIL.getReceivedMessages()).as("deferred, not dropped").isEmpty();
		ClockUtil.setCurrentTime(Date.from(sixPm));
		assertThat(worker.poll()).isEqualTo(1);
		assertThat(MAIL.getReceivedMessages()).singleElement()
			.satisfies(mail -> assertThat(to(mail)).isEqualTo("handler1@example.gov.cn"));
	}

	@Test
	void supervisorsAndLeadersGetADailyDigestOnce() throws Exception {
		ProcessInstance instance = start();
		fire(instance, "Task_Accept", EscalationLevel.YELLOW);
		worker.poll();
		MAIL.purgeEmailFromAllMailboxes();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T07:30:00+08:00").toInstant()));

		// The scheduled run, as the scheduler calls it: yesterday's digests, in a transaction of its own.
		digest.daily();
		// Supervisors and leaders with a mail address, not handlers (who have one too).
		assertThat(store.ofEvent(EventKind.DIGEST, "2026-11-24")).extracting(Delivery::recipient).contains("supervisor")
			.doesNotContain("handler1");
		assertThat(digest.write(LocalDate.of(2026, 11, 24))).as("once per person and day").isZero();
		assertThat(worker.poll()).isEqualTo(1);
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
		MimeMessage mail = MAIL.getReceivedMessages()[0];
		assertThat(to(mail)).isEqualTo("supervisor@example.gov.cn");
		assertThat(mail.getSubject()).startsWith("【阳光审批】每日汇总：2026-11-24 共 ");
		assertThat((String) mail.getContent()).contains("预警告警", "12:00 黄牌预警：公章刻制备案");
	}

	@Test
	void everyKindOfEventReachesThePeopleTheOrganisationNames() throws Exception {
		ProcessInstance instance = start();
		extensions.request(instance.getId(), "P2D", "需组织现场核查", "handler1");
		String extensionId = extensions.ofCase(instance.getId()).orElseThrow().id();
		assertThat(inApp(EventKind.EXTENSION_REQUESTED, extensionId)).containsExactlyInAnyOrder("leader", "deputy");
		extensions.approve(instance.getId(), "leader", "同意");
		assertThat(inApp(EventKind.EXTENSION_DECIDED, extensionId)).containsExactly("handler1");
		assertThat(store.ofEvent(EventKind.EXTENSION_DECIDED, extensionId)).extracting(Delivery::subject)
			.contains("延长申请已批准：案件 " + instance.getBusinessKey());

		Escalation red = fire(instance, "Task_Accept", EscalationLevel.YELLOW);
		SupervisionOrder order = orders.issue(red.id(), "请于今日内受理并说明延误原因", "PT4H", "supervisor");
		assertThat(inApp(EventKind.ORDER_ISSUED, order.id())).containsExactlyInAnyOrder("handler1", "handler2");
		Task reply = tasks.createTaskQuery().processInstanceId(order.orderCaseId()).singleResult();
		Escalation overdue = fire(order.orderCaseId(), reply, EscalationLevel.RED);
		assertThat(inApp(EventKind.ORDER_OVERDUE, overdue.id())).contains("supervisor", "handler1", "handler2");

		tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Accept")
			.singleResult().getId());
		assertThat(inApp(EventKind.ESCALATION_RESOLVED, red.id())).contains("supervisor");

		byte[] newVersion = Models.text("api/seal-engraving-permit.bpmn").replace("公章刻制备案", "公章刻制备案（新版）")
			.getBytes(StandardCharsets.UTF_8);
		PowerReviews.Submitted submitted = reviews.submit(newVersion, "designer");
		String version = submitted.powerCode() + "@" + submitted.version();
		assertThat(inApp(EventKind.REVIEW_REQUESTED, version)).containsExactly("reviewer");
		reviews.approve(submitted.powerCode(), submitted.version(), "reviewer", null);
		assertThat(inApp(EventKind.REVIEW_DECIDED, version)).containsExactly("designer");

		assertThat(calendarWatch.check(LocalDate.of(2040, 3, 1))).isTrue();
		assertThat(calendarWatch.check(LocalDate.of(2040, 3, 2))).isTrue();
		assertThat(inApp(EventKind.CALENDAR_RUNNING_OUT, "2040")).as("once per year, not per morning")
			.containsExactly("admin");
	}

	private Set<String> inApp(EventKind kind, String key) {
		List<String> recipients = store.ofEvent(kind, key).stream()
			.filter(row -> row.channel() == Channel.IN_APP)
			.map(Delivery::recipient)
			.toList();
		assertThat(new TreeSet<>(recipients)).as("each recipient once").hasSize(recipients.size());
		return new TreeSet<>(recipients);
	}

	private Delivery robotRow(Escalation escalation, Channel channel) {
		return store.ofEvent(EventKind.ESCALATION_RAISED, escalation.id()).stream()
			.filter(row -> row.channel() == channel)
			.findFirst()
			.orElseThrow();
	}

	private ProcessInstance start() {
		return runtime.startProcessInstanceById(definitionId, "TEST-" + System.nanoTime());
	}

	private Escalation fire(ProcessInstance instance, String stepId, EscalationLevel level) {
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(stepId).singleResult();
		return fire(instance.getId(), task, level);
	}

	/** Moves the engine clock to the task's warning or deadline and runs its timers due then. */
	private Escalation fire(String caseId, Task task, EscalationLevel level) {
		Instant due = (level == EscalationLevel.YELLOW ? task.getFollowUpDate() : task.getDueDate()).toInstant();
		ClockUtil.setCurrentTime(Date.from(due));
		List<Job> jobs = management.createJobQuery().processInstanceId(caseId).timers().list().stream()
			.filter(job -> job.getDuedate().toInstant().equals(due))
			.toList();
		assertThat(jobs).isNotEmpty();
		jobs.forEach(job -> management.executeJob(job.getId()));
		return escalations.list(new EscalationFilter(null, level, Escalation.Scope.STEP, null, null, caseId), 0, 10)
			.items()
			.stream()
			.filter(e -> task.getId().equals(e.taskId()))
			.findFirst()
			.orElseThrow();
	}

	private static void travel(Duration by) {
		ClockUtil.setCurrentTime(Date.from(now().plus(by)));
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private String to(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** DingTalk's signature as its documentation computes it, independently of the sender's code. */
	private static String sign(long timestamp, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
	}

}
