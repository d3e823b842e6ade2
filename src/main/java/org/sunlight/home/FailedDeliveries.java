package org.sunlight.home;

/**
 * The slot the administrator's section keeps for notification deliveries that failed for good.
 * The module that delivers notifications provides this bean; until one does, the section says the
 * count is not available rather than showing a reassuring zero.
 */
public interface FailedDeliveries {

	/** Deliveries that ran out of retries and wait for an administrator. */
	long count();

}
