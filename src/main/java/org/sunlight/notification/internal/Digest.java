package org.sunlight.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.Roles;
import org.sunlight.notification.Notification;
import org.sunlight.notification.EventKind;

/**
 * The daily digest for supervisors and leaders: one mail with what reached them yesterday (China
 * Standard Time), by kind and in order, written to the outbox like any message (so once per
 * person and day, however often it runs, and respecting quiet hours and the DIGEST preference).
 */
@Component
public class Digest {

	private static final int MAX_LINES = 50;
	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(Outbox.ZONE);

	private final OutboxStore store;
	private final Outbox outbox;
	private final Organisation organisation;
	private final TransactionTemplate transactions;

	Digest(OutboxStore store, Outbox outbox, Organisation organisation, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.store = store;
		this.outbox = outbox;
		this.organisation = organisation;
	}

	/** The scheduled run: the digests of the day before, by the engine clock. */
	@Scheduled(cron = "${sunlight.notification.digest-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	public void daily() {
		write(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Outbox.ZONE).minusDays(1));
	}

	/**
	 * Writes the digests of {@code day} in one transaction, opened here so that the scheduled call
	 * from this same bean has one too; returns how many.
	 */
	public int write(LocalDate day) {
		Integer written = transactions.execute(status -> writeAll(day));
		return written == null ? 0 : written;
	}

	private int writeAll(LocalDate day) {
		Instant from = day.atStartOfDay(Outbox.ZONE).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Outbox.ZONE).toInstant();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Set<String> people = new LinkedHashSet<>(organisation.withRole(Roles.SUPERVISOR));
		people.addAll(organisation.withRole(Roles.LEADER));
		int written = 0;
		for (String person : people) {
			List<Notification> items = store.createdBetween(person, from, to);
			if (items.isEmpty()) {
				continue;
			}
			written += outbox.mail(EventKind.DIGEST, day.toString(), person, text(day, items), store.switchedOff(person),
					now);
		}
		return written;
	}

	private static Outbox.Text text(LocalDate day, List<Notification> items) {
		Map<EventKind, Integer> counts = new TreeMap<>();
		items.forEach(item -> counts.merge(item.kind(), 1, Integer::sum));
		StringBuilder body = new StringBuilder(day + " 您共收到 " + items.size() + " 条提醒：");
		counts.forEach((kind, count) -> body.append(kindName(kind)).append(' ').append(count).append(" 条；"));
		body.append('\n');
		items.stream().limit(MAX_LINES).forEach(item -> body.append("\n· ").append(HOUR.format(item.createdAt()))
			.append(' ').append(item.subject()));
		if (items.size() > MAX_LINES) {
			body.append("\n……另有 ").append(items.size() - MAX_LINES).append(" 条，请在通知中心查看。");
		}
		return new Outbox.Text("每日汇总：" + day + " 共 " + items.size() + " 条提醒", body.toString(), "/");
	}

	static String kindName(EventKind kind) {
		return switch (kind) {
			case ESCALATION_RAISED -> "预警告警";
			case ESCALATION_RESOLVED -> "预警解除";
			case ORDER_ISSUED -> "督办";
			case ORDER_OVERDUE -> "督办逾期";
			case EXTENSION_REQUESTED -> "延长申请";
			case EXTENSION_DECIDED -> "延长审批结果";
			case REVIEW_REQUESTED -> "法制审核";
			case REVIEW_DECIDED -> "审核结果";
			case CALENDAR_RUNNING_OUT -> "节假日表";
			case COMPLAINT_FILED -> "投诉举报";
			case DIGEST -> "每日汇总";
		};
	}

}
