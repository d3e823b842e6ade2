package org.sunlight.notification.internal;

import org.sunlight.notification.Channel;

/** Delivers a claimed row on one channel; throws when it did not arrive (the worker retries). */
interface Sender {

	Channel channel();

	void send(OutboxStore.Claimed message) throws Exception;

}
