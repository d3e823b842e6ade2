package org.sunlight.notification.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.system.PolledStream;

/**
 * {@code GET /api/notifications/stream}: each listener's unread count, sent on connecting and
 * whenever it changes, counted from the database like the task feed, so every node streams what
 * any node committed.
 */
@Component
class NotificationStream extends PolledStream<NotificationStream.Listener> {

	private final OutboxStore store;
	private final Map<String, Long> byUser = new HashMap<>();

	NotificationStream(OutboxStore store, @Value("${sunlight.notification.stream-poll-millis:2000}") long pollMillis) {
		super("notification-stream", pollMillis);
		this.store = store;
	}

	static final class Listener extends PolledStream.Listener {

		long unread;

		Listener(String user) {
			super(user);
		}

	}

	SseEmitter subscribe(String user) throws IOException {
		return open(new Listener(user));
	}

	@Override
	protected void first(Listener listener) throws IOException {
		listener.unread = store.count(listener.user(), true);
		send(listener);
	}

	@Override
	protected void beginPoll() {
		byUser.clear();
	}

	@Override
	protected void update(Listener listener) throws IOException {
		long unread = byUser.computeIfAbsent(listener.user(), user -> store.count(user, true));
		if (unread != listener.unread) {
			listener.unread = unread;
			send(listener);
		}
	}

	private static void send(Listener listener) throws IOException {
		listener.emitter().send(SseEmitter.event().name("unread").data(Map.of("count", listener.unread),
				MediaType.APPLICATION_JSON));
	}

}
