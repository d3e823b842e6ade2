package org.sunlight.supervision;

/** A compiled timer fired; {@code stepId} is null for the case-level pair. */
public record EscalationRaised(String caseId, String processDefinitionId, String stepId, EscalationLevel level) {
}
