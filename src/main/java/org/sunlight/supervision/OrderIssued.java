package org.sunlight.supervision;

import java.util.List;

/**
 * Published inside the transaction that issued the order; the reply goes to {@code assignee} or,
 * without one, to the holders of {@code posts}.
 */
public record OrderIssued(SupervisionOrder order, Escalation escalation, String assignee, List<String> posts) {
}
