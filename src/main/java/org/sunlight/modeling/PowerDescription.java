package org.sunlight.modeling;

import java.util.List;

/**
 * A power as its {@code sl:} extension describes it: the catalog entry and every step's four
 * clarities. Durations are kept as the ISO-8601 text the designer wrote; {@code warnBefore} is the
 * case's yellow warning lead time and {@code maxExtension} the longest extension its leader may
 * approve, both optional.
 */
public record PowerDescription(String processId, String name, String code, String category,
		String department, String legalBasis, String statutoryLimit, String promisedLimit,
		String calendar, boolean isPublic, String fee, String warnBefore, String maxExtension, List<Step> steps) {

	public PowerDescription {
		steps = List.copyOf(steps);
	}

	/** A user task of the power; {@code unsupervisedReason} is set only for unsupervised ones. */
	public record Step(String id, String name, String assignee, List<String> candidateGroups,
			String timeLimit, String warnBefore, String supervisor, Integer riskLevel, List<Risk> risks,
			String unsupervisedReason) {

		public Step {
			candidateGroups = List.copyOf(candidateGroups);
			risks = List.copyOf(risks);
		}

		public boolean supervised() {
			return timeLimit != null;
		}

	}

	/** A risk point of a step with its control measure. */
	public record Risk(String code, int level, String description, String measure) {
	}

}
