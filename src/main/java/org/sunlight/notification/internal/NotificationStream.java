package org.sunlight.notification.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/notifications/stream}: each listener's unread count, sent on connecting and
 * whenever it changes, as the task feed does: counted from the database, so every node streams
 * what any node committed, and nothing runs while nobody listens.
 */
@Component
class NotificationStream implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);
	private static final long HEARTBEAT_MILLIS = 20_000;
	private static final long STREAM_MILLIS = 30 * 60_000;

	private final OutboxStore store;
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "notification-stream");
		thread.setDaemon(true);
		return thread;
	});
	private volatile boolean running = true;
	private long lastHeartbeat = System.currentTimeMillis();

	NotificationStream(OutboxStore store, @Value("${sunlight.notification.stream-poll-millis:2000}") long pollMillis) {
		this.store = store;
		poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
	}

	private static final class Listener {

		final SseEmitter emitter;
		final String user;
		long unread;

		Listener(SseEmitter emitter, String user) {
			this.emitter = emitter;
			this.user = user;
		}

	}

	SseEmitter subscribe(String user) throws IOException {
		SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
		Listener listener = new Listener(emitter, user);
		listener.unread = store.count(user, true);
		emitter.send(SseEmitter.event().comment("connected"));
		emitter.send(SseEmitter.event().name("unread").data(Map.of("count", listener.unread), MediaType.APPLICATION_JSON));
		listeners.add(listener);
		emitter.onCompletion(() -> listeners.remove(listener));
		emitter.onTimeout(() -> listeners.remove(listener));
		emitter.onError(ex -> listeners.remove(listener));
		return emitter;
	}

	synchronized void poll() {
		if (listeners.isEmpty()) {
			return;
		}
		try {
			Map<String, Long> byUser = new HashMap<>();
			boolean heartbeat = System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS;
			for (Listener listener : listeners) {
				long unread = byUser.computeIfAbsent(listener.user, user -> store.count(user, true));
				try {
					if (unread != listener.unread) {
						listener.unread = unread;
						listener.emitter.send(SseEmitter.event().name("unread").data(Map.of("count", unread),
								MediaType.APPLICATION_JSON));
					}
					if (heartbeat) {
						listener.emitter.send(SseEmitter.event().comment("alive"));
					}
				}
				catch (IOException | IllegalStateException ex) {
					listeners.remove(listener);
					try {
						listener.emitter.completeWithError(ex);
					}
					catch (RuntimeException ignored) {
						// already ended
					}
				}
			}
			if (heartbeat) {
				lastHeartbeat = System.currentTimeMillis();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Notification stream could not count: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** Ends every open stream at shutdown, so a graceful shutdown does not wait for them. */
	@Override
	public void stop() {
		running = false;
		poller.shutdownNow();
		for (Listener listener : listeners) {
			try {
				listener.emitter.complete();
			}
			catch (RuntimeException ignored) {
				// already ended
			}
		}
		listeners.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
