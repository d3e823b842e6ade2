package org.sunlight.supervision;

/** An escalation was acknowledged or resolved. */
public record EscalationChanged(Escalation escalation) {
}
