package org.sunlight.supervision;

/** Published inside the transaction that records a finding. */
public record FindingRecorded(Finding finding) {
}
