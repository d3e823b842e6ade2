package org.sunlight.system;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A server-sent event stream fed by polling the database: each listener keeps what it was last
 * sent, a poll sends each what changed (see {@link #update}), a comment every 20 s keeps proxies
 * from closing quiet streams, and a listener whose browser went away is dropped and its request
 * ended. Working from the database, every node streams what any node committed; nothing runs while
 * nobody listens. The open streams end before the web server's graceful shutdown would wait for them.
 */
public abstract class PolledStream<L extends PolledStream.Listener> implements SmartLifecycle, LiveStream {

	private static final Logger log = LoggerFactory.getLogger(PolledStream.class);
	private static final long HEARTBEAT_MILLIS = 20_000;
	/** A browser that went away without a word is forgotten; the EventSource of one still there reconnects by itself. */
	private static final long STREAM_MILLIS = 30 * 60_000;

	/** One open stream; subclasses add what it was last sent. */
	public static class Listener {

		private final SseEmitter emitter = new SseEmitter(STREAM_MILLIS);

		private final String user;

		protected Listener(String user) {
			this.user = user;
		}

		public String user() {
			return user;
		}

		public SseEmitter emitter() {
			return emitter;
		}

	}

	private final String name;
	private final List<L> listeners = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService poller;
	private volatile boolean running = true;
	private long lastHeartbeat = System.currentTimeMillis();

	protected PolledStream(String name, long pollMillis) {
		this.name = name;
		this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
		poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public String streamName() {
		return name;
	}

	@Override
	public int subscribers() {
		return listeners.size();
	}

	/** Sends the listener what it should see first, then lets it hear every poll. */
	protected SseEmitter open(L listener) throws IOException {
		SseEmitter emitter = listener.emitter();
		emitter.send(SseEmitter.event().comment("connected"));
		first(listener);
		listeners.add(listener);
		emitter.onCompletion(() -> listeners.remove(listener));
		emitter.onTimeout(() -> listeners.remove(listener));
		emitter.onError(ex -> listeners.remove(listener));
		return emitter;
	}

	/** What a new listener is sent at once. */
	protected abstract void first(L listener) throws IOException;

	/** Reads what the listeners need, once per poll (e.g. per user). */
	protected abstract void beginPoll();

	/** Sends the listener what changed since it was last sent anything. */
	protected abstract void update(L listener) throws IOException;

	public synchronized void poll() {
		if (listeners.isEmpty()) {
			return;
		}
		try {
			beginPoll();
			boolean heartbeat = System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS;
			for (L listener : listeners) {
				try {
					update(listener);
					if (heartbeat) {
						listener.emitter().send(SseEmitter.event().comment("alive"));
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
			log.warn("{} could not read: {}", name, ex.getMessage());
		}
	}

	private void end(L listener, Exception cause) {
		try {
			listener.emitter().completeWithError(cause);
		}
		catch (RuntimeException ex) {
			log.debug("{} of {} was already closed: {}", name, listener.user(), ex.getMessage());
		}
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
		for (L listener : listeners) {
			try {
				listener.emitter().complete();
			}
			catch (RuntimeException ex) {
				log.debug("{} of {} ended badly: {}", name, listener.user(), ex.getMessage());
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
