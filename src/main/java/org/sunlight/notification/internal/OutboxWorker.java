package org.sunlight.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunlight.notification.Channel;

/**
 * Delivers the outbox after commit: claims due rows one atomic update each (so two nodes never
 * both take a row), sends each on its channel outside any transaction, and records the outcome.
 * A failed attempt waits with exponential back-off; after {@code max-attempts} the row is FAILED
 * for the administrator. A node killed holding a claim loses it when its lease runs out, and
 * another node delivers the row then. Time is the engine clock, so tests travel instead of waiting.
 */
@Component
public class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final OutboxStore store;
	private final NotificationProperties properties;
	private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
	private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

	OutboxWorker(OutboxStore store, NotificationProperties properties, List<Sender> senders) {
		this.store = store;
		this.properties = properties;
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
	}

	@Scheduled(initialDelayString = "${sunlight.notification.poll-every:1s}",
			fixedDelayString = "${sunlight.notification.poll-every:1s}")
	void scheduled() {
		if (properties.isWorker()) {
			while (poll() == properties.getBatch()) {
				// a burst: keep going while batches come back full
			}
		}
	}

	/** One round on this node: returns how many rows it claimed. */
	public int poll() {
		return poll(node);
	}

	/** One round as {@code node} (tests play two nodes with one bean). */
	public int poll(String node) {
		List<OutboxStore.Claimed> claimed = claimDue(node);
		for (OutboxStore.Claimed message : claimed) {
			deliver(node, message);
		}
		return claimed.size();
	}

	/** Claims what is due for {@code node} and returns it; a node that dies now leaves the rows to its lease. */
	public List<OutboxStore.Claimed> claimDue(String node) {
		Instant now = now();
		Instant until = now.plus(properties.getLease());
		List<OutboxStore.Claimed> claimed = new ArrayList<>();
		for (String id : store.due(now, properties.getBatch())) {
			store.claim(id, node, now, until).ifPresent(claimed::add);
		}
		return claimed;
	}

	private void deliver(String node, OutboxStore.Claimed message) {
		try {
			Sender sender = senders.get(message.channel());
			if (sender == null) {
				throw new IllegalStateException("no sender for channel " + message.channel());
			}
			sender.send(message);
			if (!store.delivered(message.id(), node, now())) {
				log.warn("Notification {} was delivered after this node's lease ran out", message.id());
			}
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Instant retryAt = message.attempts() >= properties.getMaxAttempts() ? null
					: now().plus(properties.retryDelay(message.attempts()));
			store.attemptFailed(message.id(), node, error, retryAt);
			log.info("Notification {} to {} on {}: attempt {} failed ({}){}", message.id(), message.recipient(),
					message.channel(), message.attempts(), error, retryAt == null ? ", giving up" : ", again at " + retryAt);
		}
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
