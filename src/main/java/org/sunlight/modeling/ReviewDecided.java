package org.sunlight.modeling;

/** Published inside the transaction that approved or rejected a version in review. */
public record ReviewDecided(PowerSubmission submission) {
}
