package org.sunlight.notification.internal;

import org.springframework.stereotype.Component;
import org.sunlight.home.FailedDeliveries;

/** Fills the administrator's home slot: deliveries that ran out of retries and wait for a retry. */
@Component
class FailedDeliveryCount implements FailedDeliveries {

	private final OutboxStore store;

	FailedDeliveryCount(OutboxStore store) {
		this.store = store;
	}

	@Override
	public long count() {
		return store.countFailed();
	}

}
