package org.sunlight.casework;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.supervision.Lamp;

/**
 * The live feed of one handler's tasks ({@code GET /api/tasks/stream}). Lamps change with time as
 * much as with events (a task turns yellow when its warning time passes, whether or not a timer
 * has fired yet), so the feed recomputes each listener's task list from the database and the
 * engine clock and sends what changed: {@code task} (a task appeared or its lamp or assignee
 * changed), {@code removed} (it left the list) and {@code summary} (counts of red and yellow
 * tasks). Working from the database, every node streams the same, and nothing runs while nobody
 * listens.
 */
@Component
class TaskStream implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TaskStream.class);
	private static final long HEARTBEAT_MILLIS = 20_000;
	private static final long STREAM_MILLIS = 30 * 60_000;

	private final CaseViews views;
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "task-stream");
		thread.setDaemon(true);
		return thread;
	});
	private volatile boolean running = true;
	private long lastHeartbeat = System.currentTimeMillis();

	TaskStream(CaseViews views, @Value("${sunlight.tasks.stream-poll-millis:2000}") long pollMillis) {
		this.views = views;
		poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
	}

	/** What a listener last saw of a task. */
	private record Seen(Lamp lamp, String assignee) {
	}

	public record Summary(long red, long yellow, long total) {
	}

	private static final class Listener {

		final SseEmitter emitter;
		final String user;
		Map<String, Seen> seen;
		Summary summary;

		Listener(SseEmitter emitter, String user) {
			this.emitter = emitter;
			this.user = user;
		}

	}

	SseEmitter subscribe(String user) throws IOException {
		// Ends after a while: a browser that went away without a word is forgotten, and the
		// EventSource of one still there reconnects by itself.
		SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
		Listener listener = new Listener(emitter, user);
		List<CaseViews.TaskView> now = mine(user);
		listener.seen = seen(now);
		listener.summary = summary(now);
		emitter.send(SseEmitter.event().comment("connected"));
		emitter.send(SseEmitter.event().name("summary").data(listener.summary, MediaType.APPLICATION_JSON));
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
			Map<String, List<CaseViews.TaskView>> byUser = new HashMap<>();
			boolean heartbeat = System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS;
			for (Listener listener : listeners) {
				List<CaseViews.TaskView> now = byUser.computeIfAbsent(listener.user, this::mine);
				try {
					send(listener, now);
					if (heartbeat) {
						listener.emitter.send(SseEmitter.event().comment("alive"));
					}
				}
				catch (IOException | IllegalStateException ex) {
					// The browser went away: end the request too, or it would stay open (and hold up a
					// graceful shutdown) until the stream's timeout.
					listeners.remove(listener);
					end(listener, ex);
				}
			}
			if (heartbeat) {
				lastHeartbeat = System.currentTimeMillis();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Task stream could not read tasks: {}", ex.getMessage());
		}
	}

	private void send(Listener listener, List<CaseViews.TaskView> now) throws IOException {
		Map<String, Seen> current = seen(now);
		for (CaseViews.TaskView task : now) {
			if (!Objects.equals(listener.seen.get(task.taskId()), current.get(task.taskId()))) {
				listener.emitter.send(SseEmitter.event().name("task").id(task.taskId()).data(task,
						MediaType.APPLICATION_JSON));
			}
		}
		for (String gone : listener.seen.keySet()) {
			if (!current.containsKey(gone)) {
				listener.emitter.send(SseEmitter.event().name("removed").data(Map.of("taskId", gone),
						MediaType.APPLICATION_JSON));
			}
		}
		listener.seen = current;
		Summary summary = summary(now);
		if (!summary.equals(listener.summary)) {
			listener.summary = summary;
			listener.emitter.send(SseEmitter.event().name("summary").data(summary, MediaType.APPLICATION_JSON));
		}
	}

	private static void end(Listener listener, Exception cause) {
		try {
			listener.emitter.completeWithError(cause);
		}
		catch (RuntimeException ex) {
			log.debug("Task stream of {} was already closed: {}", listener.user, ex.getMessage());
		}
	}

	private List<CaseViews.TaskView> mine(String user) {
		return views.tasks(CaseViews.Scope.ALL, null, user, false);
	}

	private static Map<String, Seen> seen(List<CaseViews.TaskView> tasks) {
		return tasks.stream()
			.collect(Collectors.toMap(CaseViews.TaskView::taskId, t -> new Seen(t.lamp(), t.assignee()), (a, b) -> a));
	}

	/** The counts over the whole list: the user's own tasks and their posts' unclaimed ones. */
	private static Summary summary(List<CaseViews.TaskView> tasks) {
		return new Summary(tasks.stream().filter(t -> t.lamp() == Lamp.RED).count(),
				tasks.stream().filter(t -> t.lamp() == Lamp.YELLOW).count(), tasks.size());
	}

	@Override
	public void start() {
		running = true;
	}

	/** Ends the open streams before the web server's graceful shutdown would wait for them. */
	@Override
	public void stop() {
		running = false;
		// Lets a poll that is writing finish, so that no response is left half-written and open.
		poller.shutdown();
		try {
			poller.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		poller.shutdownNow();
		for (Listener listener : listeners) {
			try {
				listener.emitter.complete();
			}
			catch (RuntimeException ex) {
				log.debug("Task stream of {} ended badly: {}", listener.user, ex.getMessage());
			}
		}
		listeners.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
