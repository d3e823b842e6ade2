package org.sunlight.casework;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.supervision.Lamp;
import org.sunlight.system.PolledStream;

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
class TaskStream extends PolledStream<TaskStream.Listener> {

	private final CaseViews views;
	/** Each user's tasks, read once per poll however many of their pages listen. */
	private final Map<String, List<CaseViews.TaskView>> byUser = new HashMap<>();

	TaskStream(CaseViews views, @Value("${sunlight.tasks.stream-poll-millis:2000}") long pollMillis) {
		super("task-stream", pollMillis);
		this.views = views;
	}

	/** What a listener last saw of a task. */
	private record Seen(Lamp lamp, String assignee) {
	}

	public record Summary(long red, long yellow, long total) {
	}

	static final class Listener extends PolledStream.Listener {

		Map<String, Seen> seen;
		Summary summary;

		Listener(String user) {
			super(user);
		}

	}

	SseEmitter subscribe(String user) throws IOException {
		return open(new Listener(user));
	}

	@Override
	protected void first(Listener listener) throws IOException {
		List<CaseViews.TaskView> now = mine(listener.user());
		listener.seen = seen(now);
		listener.summary = summary(now);
		listener.emitter().send(SseEmitter.event().name("summary").data(listener.summary, MediaType.APPLICATION_JSON));
	}

	@Override
	protected void beginPoll() {
		byUser.clear();
	}

	@Override
	protected void update(Listener listener) throws IOException {
		List<CaseViews.TaskView> now = byUser.computeIfAbsent(listener.user(), this::mine);
		Map<String, Seen> current = seen(now);
		for (CaseViews.TaskView task : now) {
			if (!Objects.equals(listener.seen.get(task.taskId()), current.get(task.taskId()))) {
				listener.emitter().send(SseEmitter.event().name("task").id(task.taskId()).data(task,
						MediaType.APPLICATION_JSON));
			}
		}
		for (String gone : listener.seen.keySet()) {
			if (!current.containsKey(gone)) {
				listener.emitter().send(SseEmitter.event().name("removed").data(Map.of("taskId", gone),
						MediaType.APPLICATION_JSON));
			}
		}
		listener.seen = current;
		Summary summary = summary(now);
		if (!summary.equals(listener.summary)) {
			listener.summary = summary;
			listener.emitter().send(SseEmitter.event().name("summary").data(summary, MediaType.APPLICATION_JSON));
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

}
