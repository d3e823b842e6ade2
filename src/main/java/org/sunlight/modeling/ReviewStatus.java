package org.sunlight.modeling;

/** Where a submitted version of a power stands in review (法制审核). */
public enum ReviewStatus {

	/** Waiting for a reviewer; nothing of it is in the engine. */
	IN_REVIEW,
	/** A reviewer approved it and it went live. */
	APPROVED,
	/** A reviewer sent it back to the designer with a reason. */
	REJECTED,
	/** A newer version of the power went live while this one waited; it can no longer go live. */
	SUPERSEDED

}
