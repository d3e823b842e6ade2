package org.sunlight.supervision.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.audit.AuditFollower;
import org.sunlight.audit.AuditTrail;
import org.sunlight.supervision.Escalation;
import org.sunlight.supervision.EscalationView;
import org.sunlight.system.LiveStream;

/**
 * The live stream of escalations. It follows the audit trail, where every raise, acknowledgement,
 * finding and resolution of an escalation is recorded in the transaction of the act, rather than
 * in-process events: so every node streams what any node did, and only what has committed. The
 * trail is polled only while someone is listening.
 */
@Component
public class EscalationStream implements SmartLifecycle, LiveStream {

	private static final Logger log = LoggerFactory.getLogger(EscalationStream.class);

	private final EscalationStore store;
	private final AuditTrail audit;
	private final ObjectMapper json;
	private record Listener(SseEmitter emitter, Predicate<Escalation> visible) {
	}

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	/** Where the poller is in the audit trail; null while nobody listens. */
	private final AtomicReference<AuditFollower> follower = new AtomicReference<>();
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "escalation-stream");
		thread.setDaemon(true);
		return thread;
	});

	/** Raised → sent on this node's stream, for escalations sent as they are raised (operations' metrics). */
	private final Timer visibleDelay;

	EscalationStream(EscalationStore store, AuditTrail audit, ObjectMapper json, MeterRegistry meters,
			@Value("${sunlight.escalations.stream-poll-millis:500}") long pollMillis) {
		this.store = store;
		this.visibleDelay = Timer.builder("sunlight.escalations.visible.delay")
			.description("From the timer raising an escalation to its sending on this node's live stream")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(meters);
		this.audit = audit;
		this.json = json;
		poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public String streamName() {
		return "escalation-stream";
	}

	@Override
	public int subscribers() {
		return listeners.size();
	}

	/** Sends the subscriber the escalations {@code visible} lets through. */
	public SseEmitter subscribe(Predicate<Escalation> visible) throws IOException {
		// Kept open until the client goes away; browsers reconnect by themselves.
		SseEmitter emitter = new SseEmitter(0L);
		// From the end of the trail as it is now: a new subscriber reloads the list for the past.
		follower.updateAndGet(f -> f != null ? f : audit.follow());
		Listener listener = new Listener(emitter, visible);
		listeners.add(listener);
		emitter.onCompletion(() -> listeners.remove(listener));
		emitter.onTimeout(() -> listeners.remove(listener));
		emitter.onError(ex -> listeners.remove(listener));
		emitter.send(SseEmitter.event().comment("connected"));
		return emitter;
	}

	void poll() {
		if (listeners.isEmpty()) {
			follower.set(null);
			return;
		}
		try {
			// Normally made by subscribe; made here if this poller reset it while a subscriber came.
			AuditFollower trail = follower.updateAndGet(f -> f != null ? f : audit.follow());
			Set<String> changed = new LinkedHashSet<>();
			for (AuditTrail.Entry entry : trail.poll(1000)) {
				if ("escalation".equals(entry.subjectType()) && entry.subjectId() != null) {
					changed.add(entry.subjectId());
				}
			}
			// Several acts on one escalation since the last poll: its row as it is now, once.
			changed.forEach(id -> store.find(id).ifPresent(this::send));
		}
		catch (RuntimeException ex) {
			log.warn("Escalation stream could not read changes: {}", ex.getMessage());
		}
	}

	private void send(Escalation escalation) {
		String data;
		try {
			data = json.writeValueAsString(EscalationView.of(escalation));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		if (escalation.status() == Escalation.Status.OPEN && escalation.raisedAt() != null) {
			// Engine time on both ends, so that a test moving the engine clock measures nothing false.
			Duration delay = Duration.between(escalation.raisedAt(), ClockUtil.getCurrentTime().toInstant());
			visibleDelay.record(delay.isNegative() ? Duration.ZERO : delay);
		}
		for (Listener listener : listeners) {
			if (!listener.visible().test(escalation)) {
				continue;
			}
			try {
				listener.emitter().send(SseEmitter.event().name("escalation").id(escalation.id()).data(data,
						MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				listeners.remove(listener);
			}
		}
	}

	private volatile boolean running = true;

	@Override
	public void start() {
		running = true;
	}

	/** Ends the open streams before the web server's graceful shutdown would wait for them. */
	@Override
	public void stop() {
		running = false;
		poller.shutdownNow();
		listeners.forEach(listener -> listener.emitter().complete());
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
