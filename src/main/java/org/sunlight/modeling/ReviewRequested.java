package org.sunlight.modeling;

/** Published inside the transaction that put a version in review (法制审核). */
public record ReviewRequested(PowerSubmission submission) {
}
