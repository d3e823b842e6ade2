package org.sunlight.notification.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.notification.Channel;
import org.sunlight.notification.EventKind;

/**
 * Writes an event's messages into the outbox, in the event's own transaction (it must run in one:
 * a message without its event, or an event without its messages, is what the outbox is for
 * avoiding). Only rows are written here; nothing calls out.
 */
@Component
public class Outbox {

	/** Quiet hours and digests are in China Standard Time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final OutboxStore store;
	private final NotificationProperties properties;
	private final ObjectProvider<JavaMailSender> mail;

	Outbox(OutboxStore store, NotificationProperties properties, ObjectProvider<JavaMailSender> mail) {
		this.store = store;
		this.properties = properties;
		this.mail = mail;
	}

	/** What a message says, the same on every channel. */
	public record Text(String subject, String body, String link) {
	}

	/**
	 * One event's messages: in-app and mail for each person by their preferences (mail held back
	 * through their quiet hours), and one per IM robot that hears the event's kind and department.
	 * Returns how many rows were written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int write(EventKind kind, String eventKey, Collection<String> people, String department, Text text) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		int written = 0;
		Set<String> recipients = new LinkedHashSet<>();
		people.stream().filter(p -> p != null && !p.isBlank()).forEach(recipients::add);
		for (String person : recipients) {
			List<String> off = store.switchedOff(person);
			if (!off.contains(kind + ":" + Channel.IN_APP)) {
				written += insert(new OutboxStore.Message(kind, eventKey, person, Channel.IN_APP, null, text.subject(),
						text.body(), text.link()), now, now);
			}
			written += mail(kind, eventKey, person, text, off, now);
		}
		for (NotificationProperties.Robot robot : properties.getRobots()) {
			if (robot.hears(kind, department)) {
				written += insert(new OutboxStore.Message(kind, eventKey, "robot:" + robot.getName(), robot.getKind(),
						robot.getName(), text.subject(), text.body(), text.link()), now, now);
			}
		}
		return written;
	}

	/** The mail of one person, when mail is configured, they have an address and did not turn it off. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int mail(EventKind kind, String eventKey, String person, Text text, List<String> off, Instant now) {
		Optional<String> address = store.email(person);
		if (mail.getIfAvailable() == null || address.isEmpty() || off.contains(kind + ":" + Channel.MAIL)) {
			return 0;
		}
		return insert(new OutboxStore.Message(kind, eventKey, person, Channel.MAIL, address.get(), text.subject(),
				text.body(), text.link()), now, afterQuietHours(person, now));
	}

	private int insert(OutboxStore.Message message, Instant now, Instant dueAt) {
		return store.insert(UUID.randomUUID().toString(), message, now, dueAt) ? 1 : 0;
	}

	/** Now, or, within the person's quiet hours, when they end: deferred, never dropped. */
	Instant afterQuietHours(String person, Instant now) {
		Optional<OutboxStore.Quiet> quiet = store.quiet(person);
		if (quiet.isEmpty() && properties.getDefaultQuietFrom() != null && properties.getDefaultQuietTo() != null) {
			quiet = Optional.of(new OutboxStore.Quiet(properties.getDefaultQuietFrom(), properties.getDefaultQuietTo()));
		}
		return quiet.map(q -> quietEnd(q.from(), q.to(), now)).orElse(now);
	}

	/** When the quiet hours [from, to) that {@code now} lies in end, or {@code now} outside them. */
	static Instant quietEnd(LocalTime from, LocalTime to, Instant now) {
		LocalDateTime local = LocalDateTime.ofInstant(now, ZONE);
		LocalTime time = local.toLocalTime();
		boolean overMidnight = from.isAfter(to);
		boolean quiet = overMidnight ? !time.isBefore(from) || time.isBefore(to)
				: !time.isBefore(from) && time.isBefore(to);
		if (!quiet) {
			return now;
		}
		LocalDateTime end = local.toLocalDate().atTime(to);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.atZone(ZONE).toInstant();
	}

}
