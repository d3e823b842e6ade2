package org.sunlight.operations;

/**
 * The slot operations keeps for the notification outbox's backlog; the module that delivers
 * notifications provides the bean, and without one the gauges are not registered.
 */
public interface OutboxBacklog {

	/** Messages written and not yet delivered (waiting, or between retries). */
	long pending();

	/** Messages that ran out of retries and wait for an administrator. */
	long failed();

}
