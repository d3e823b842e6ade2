package org.sunlight.supervision;

/** An escalation was raised (published inside the timer job's transaction). */
public record EscalationRaised(Escalation escalation) {
}
