package org.sunlight.supervision;

/**
 * Published inside the timer job's transaction that wrote the escalation: listeners may only
 * write rows there (the job must never call out, or a slow mail server would hold the timer).
 */
public record EscalationRaised(Escalation escalation) {
}
