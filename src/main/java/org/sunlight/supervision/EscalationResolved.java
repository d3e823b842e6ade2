package org.sunlight.supervision;

/** Published inside the transaction that ended the escalation's step or case. */
public record EscalationResolved(Escalation escalation) {
}
