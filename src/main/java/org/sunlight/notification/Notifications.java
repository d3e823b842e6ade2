package org.sunlight.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.notification.internal.OutboxStore;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;
import org.sunlight.system.Paging;

/**
 * A person's notification centre and preferences, and the administrator's view of deliveries that
 * failed. Someone else's notification is not found (404), never forbidden: ids tell nothing.
 */
@Service
public class Notifications {

	private final OutboxStore store;
	private final AuditTrail audit;

	Notifications(OutboxStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	public record Page(List<Notification> items, long total, long unread) {
	}

	public record FailedPage(List<Delivery> items, long total) {
	}

	/**
	 * What a person chose: their mail address, the event kinds and channels they turned off (as
	 * {@code KIND:CHANNEL}) and their quiet hours ({@code HH:mm}, China Standard Time; both or none).
	 */
	public record Preferences(String email, List<String> off, String quietFrom, String quietTo) {
	}

	public Page mine(String user, boolean unreadOnly, Paging paging) {
		return new Page(store.inbox(user, unreadOnly, paging.offset(), paging.size()), store.count(user, unreadOnly),
				store.count(user, true));
	}

	public long unread(String user) {
		return store.count(user, true);
	}

	@Transactional
	public Notification markRead(String user, String id) {
		mine(user, id);
		store.markRead(user, id, now());
		return mine(user, id);
	}

	@Transactional
	public int markAllRead(String user) {
		return store.markAllRead(user, now());
	}

	private Notification mine(String user, String id) {
		return store.notification(user, id).orElseThrow(() -> new NotFoundException("no notification of yours with id " + id));
	}

	public FailedPage failed(Paging paging) {
		return new FailedPage(store.failed(paging.offset(), paging.size()), store.countFailed());
	}

	/** Gives a FAILED delivery fresh attempts; audited, as the administrator decides to send it again. */
	@Transactional
	public Delivery retry(String id, String by) {
		Delivery delivery = store.delivery(id).orElseThrow(() -> new NotFoundException("no delivery with id " + id));
		if (!store.retry(id, now())) {
			throw new ConflictException("delivery " + id + " is " + delivery.status() + "; only a FAILED one can be retried");
		}
		audit.record(AuditAction.NOTIFICATION_RETRIED, by, "notification", id,
				Map.of("recipient", delivery.recipient(), "channel", delivery.channel(), "attempts", delivery.attempts()));
		return store.delivery(id).orElseThrow();
	}

	public Preferences preferences(String user) {
		OutboxStore.Quiet quiet = store.quiet(user).orElse(null);
		return new Preferences(store.email(user).orElse(null), store.switchedOff(user),
				quiet == null ? null : quiet.from().toString(), quiet == null ? null : quiet.to().toString());
	}

	@Transactional
	public Preferences setPreferences(String user, Preferences preferences) {
		String email = preferences.email() == null || preferences.email().isBlank() ? null : preferences.email().trim();
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("email is not a mail address: " + email);
		}
		List<String> off = new ArrayList<>();
		for (String entry : preferences.off() == null ? List.<String>of() : preferences.off()) {
			off.add(kindAndChannel(entry));
		}
		OutboxStore.Quiet quiet = quiet(preferences.quietFrom(), preferences.quietTo());
		store.setEmail(user, email);
		store.setPreferences(user, off.stream().distinct().toList());
		store.setQuiet(user, quiet);
		return preferences(user);
	}

	/** {@code KIND:CHANNEL} with a known kind and a personal channel (robots post to groups). */
	private static String kindAndChannel(String entry) {
		String[] parts = entry == null ? new String[0] : entry.split(":");
		try {
			if (parts.length == 2) {
				EventKind kind = EventKind.valueOf(parts[0]);
				Channel channel = Channel.valueOf(parts[1]);
				if (!channel.robot()) {
					return kind + ":" + channel;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// said below
		}
		throw new IllegalArgumentException("off: '" + entry + "' is not KIND:CHANNEL with a kind of " + List.of(EventKind.values())
				+ " and a channel IN_APP or MAIL");
	}

	private static OutboxStore.Quiet quiet(String from, String to) {
		boolean noFrom = from == null || from.isBlank();
		boolean noTo = to == null || to.isBlank();
		if (noFrom && noTo) {
			return null;
		}
		if (noFrom || noTo) {
			throw new IllegalArgumentException("quietFrom and quietTo go together: give both (HH:mm) or neither");
		}
		try {
			LocalTime start = LocalTime.parse(from.trim());
			LocalTime end = LocalTime.parse(to.trim());
			if (start.equals(end)) {
				throw new IllegalArgumentException("quiet hours from " + start + " to " + end + " are empty");
			}
			return new OutboxStore.Quiet(start, end);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("quietFrom and quietTo are times of day as HH:mm, not " + from + " and " + to);
		}
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
