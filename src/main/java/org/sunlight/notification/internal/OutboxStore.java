package org.sunlight.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.sunlight.notification.Channel;
import org.sunlight.notification.Delivery;
import org.sunlight.notification.EventKind;
import org.sunlight.notification.Notification;

/** The outbox ({@code sl_notification}) and each person's contact, preferences and quiet hours. */
@Repository
public class OutboxStore {

	public static final String PENDING = "PENDING";
	public static final String DELIVERED = "DELIVERED";
	public static final String FAILED = "FAILED";

	private final JdbcTemplate jdbc;

	OutboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A message to write: one recipient, one channel. */
	public record Message(EventKind kind, String eventKey, String recipient, Channel channel, String address,
			String subject, String body, String link) {

		/** Unique in the table: the same event never reaches the same recipient on the same channel twice. */
		public String idempotencyKey() {
			return kind + ":" + eventKey + ":" + recipient + ":" + channel;
		}

	}

	/** A claimed row, as the worker hands it to a channel. */
	public record Claimed(String id, EventKind kind, String recipient, Channel channel, String address,
			String subject, String body, String link, int attempts) {
	}

	/**
	 * Writes the message unless its idempotency key is there already; says whether it did. In-app
	 * messages are delivered by their commit; the others wait for the worker from {@code dueAt}.
	 */
	public boolean insert(String id, Message m, Instant now, Instant dueAt) {
		String key = m.idempotencyKey();
		Integer existing = jdbc.queryForObject("select count(*) from sl_notification where idempotency_key = ?",
				Integer.class, key);
		if (existing != null && existing > 0) {
			return false;
		}
		boolean inApp = m.channel() == Channel.IN_APP;
		jdbc.update("""
				insert into sl_notification (id, idempotency_key, event_kind, event_key, recipient, channel, address,
				  subject, body, link, status, attempts, next_attempt_at, created_at, delivered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", id, key, m.kind().name(), cut(m.eventKey(), 200),
				m.recipient(), m.channel().name(), m.address(), cut(m.subject(), 300), cut(m.body(), 4000),
				cut(m.link(), 300), inApp ? DELIVERED : PENDING, ts(dueAt), ts(now), inApp ? ts(now) : null);
		return true;
	}

	/** Ids of rows due for delivery and not held by a live claim, oldest due first. */
	List<String> due(Instant now, int limit) {
		return jdbc.queryForList("""
				select id from sl_notification
				where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
				order by next_attempt_at, id fetch first ? rows only""", String.class, ts(now), ts(now), limit);
	}

	/**
	 * Claims one row for a node with one atomic update: it succeeds only while the row is still
	 * pending, due and unclaimed (or its lease has run out). Two nodes updating the same row are
	 * serialized by its row lock, and the second one's condition, checked again on the row the
	 * first committed, no longer holds (PostgreSQL and H2 both re-check it): exactly one claims it.
	 */
	Optional<Claimed> claim(String id, String node, Instant now, Instant until) {
		int claimed = jdbc.update("""
				update sl_notification set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
				where id = ? and status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)""",
				node, ts(until), id, ts(now), ts(now));
		if (claimed != 1) {
			return Optional.empty();
		}
		return jdbc.query("select * from sl_notification where id = ? and claimed_by = ?", (rs, n) -> new Claimed(
				rs.getString("id"), EventKind.valueOf(rs.getString("event_kind")), rs.getString("recipient"),
				Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("subject"),
				rs.getString("body"), rs.getString("link"), rs.getInt("attempts")), id, node).stream().findFirst();
	}

	/** Marks the node's claimed row delivered; false if its lease ran out and another node took it. */
	boolean delivered(String id, String node, Instant now) {
		return jdbc.update("""
				update sl_notification set status = 'DELIVERED', delivered_at = ?, claimed_by = null, claimed_until = null
				where id = ? and claimed_by = ? and status = 'PENDING'""", ts(now), id, node) == 1;
	}

	/** After a failed attempt: try again at {@code retryAt}, or FAILED when {@code retryAt} is null. */
	void attemptFailed(String id, String node, String error, Instant retryAt) {
		jdbc.update("""
				update sl_notification set status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?,
				  claimed_by = null, claimed_until = null
				where id = ? and claimed_by = ? and status = 'PENDING'""", retryAt == null ? FAILED : PENDING,
				ts(retryAt), cut(error, 1000), id, node);
	}

	/** A failed row goes back to the worker with fresh attempts; false unless it was FAILED. */
	public boolean retry(String id, Instant now) {
		return jdbc.update("""
				update sl_notification set status = 'PENDING', attempts = 0, next_attempt_at = ?
				where id = ? and status = 'FAILED'""", ts(now), id) == 1;
	}

	public Optional<Delivery> delivery(String id) {
		return jdbc.query("select * from sl_notification where id = ?", OutboxStore::delivery, id).stream().findFirst();
	}

	public List<Delivery> failed(long offset, int size) {
		return jdbc.query("""
				select * from sl_notification where status = 'FAILED'
				order by created_at desc, id offset ? rows fetch next ? rows only""", OutboxStore::delivery, offset, size);
	}

	public long countFailed() {
		Long count = jdbc.queryForObject("select count(*) from sl_notification where status = 'FAILED'", Long.class);
		return count == null ? 0 : count;
	}

	/** Every row of an event, for tests and the administrator. */
	public List<Delivery> ofEvent(EventKind kind, String eventKey) {
		return jdbc.query("select * from sl_notification where event_kind = ? and event_key = ? order by recipient, channel",
				OutboxStore::delivery, kind.name(), eventKey);
	}

	// The notification centre: the in-app rows of one person.

	public List<Notification> inbox(String user, boolean unreadOnly, long offset, int size) {
		return jdbc.query("select * from sl_notification where recipient = ? and channel = 'IN_APP'"
				+ (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id offset ? rows fetch next ? rows only",
				OutboxStore::notification, user, offset, size);
	}

	public long count(String user, boolean unreadOnly) {
		Long count = jdbc.queryForObject("select count(*) from sl_notification where recipient = ? and channel = 'IN_APP'"
				+ (unreadOnly ? " and read_at is null" : ""), Long.class, user);
		return count == null ? 0 : count;
	}

	public Optional<Notification> notification(String user, String id) {
		return jdbc.query("select * from sl_notification where id = ? and recipient = ? and channel = 'IN_APP'",
				OutboxStore::notification, id, user).stream().findFirst();
	}

	public void markRead(String user, String id, Instant now) {
		jdbc.update("update sl_notification set read_at = ? where id = ? and recipient = ? and channel = 'IN_APP' and read_at is null",
				ts(now), id, user);
	}

	public int markAllRead(String user, Instant now) {
		return jdbc.update(
				"update sl_notification set read_at = ? where recipient = ? and channel = 'IN_APP' and read_at is null",
				ts(now), user);
	}

	/** A person's in-app messages created in [from, to), oldest first: the digest's material. */
	public List<Notification> createdBetween(String user, Instant from, Instant to) {
		return jdbc.query("""
				select * from sl_notification where recipient = ? and channel = 'IN_APP' and created_at >= ? and created_at < ?
				  and event_kind <> 'DIGEST' order by created_at, id""", OutboxStore::notification, user, ts(from), ts(to));
	}

	// Contacts, preferences and quiet hours.

	public Optional<String> email(String user) {
		return jdbc.queryForList("select email from sl_notification_contact where username = ? and email is not null",
				String.class, user).stream().findFirst();
	}

	public void setEmail(String user, String email) {
		jdbc.update("delete from sl_notification_contact where username = ?", user);
		if (email != null) {
			jdbc.update("insert into sl_notification_contact (username, email) values (?, ?)", user, email);
		}
	}

	/** The event kinds and channels the person turned off. */
	public List<String> switchedOff(String user) {
		return jdbc.queryForList("""
				select event_kind || ':' || channel from sl_notification_preference where username = ? and not enabled
				order by event_kind, channel""", String.class, user);
	}

	public void setPreferences(String user, List<String> off) {
		jdbc.update("delete from sl_notification_preference where username = ?", user);
		for (String entry : off) {
			String[] kindAndChannel = entry.split(":");
			jdbc.update("insert into sl_notification_preference (username, event_kind, channel, enabled) values (?, ?, ?, false)",
					user, kindAndChannel[0], kindAndChannel[1]);
		}
	}

	public record Quiet(LocalTime from, LocalTime to) {
	}

	public Optional<Quiet> quiet(String user) {
		return jdbc.query("select quiet_from, quiet_to from sl_notification_quiet where username = ?",
				(rs, n) -> new Quiet(rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_to", LocalTime.class)),
				user).stream().findFirst();
	}

	public void setQuiet(String user, Quiet quiet) {
		jdbc.update("delete from sl_notification_quiet where username = ?", user);
		if (quiet != null) {
			jdbc.update("insert into sl_notification_quiet (username, quiet_from, quiet_to) values (?, ?, ?)", user,
					quiet.from(), quiet.to());
		}
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getString("id"), EventKind.valueOf(rs.getString("event_kind")), rs.getString("subject"),
				rs.getString("body"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"));
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getString("id"), EventKind.valueOf(rs.getString("event_kind")), rs.getString("event_key"),
				rs.getString("recipient"), Channel.valueOf(rs.getString("channel")), rs.getString("address"),
				rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** Text cut to its column: a long instruction must not fail the event's transaction. */
	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
