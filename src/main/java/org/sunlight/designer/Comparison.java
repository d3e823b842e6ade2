package org.sunlight.designer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The reengineering report of two versions of one power: the figures before and after, their
 * difference, and which elements were added, removed or changed. Durations are ISO-8601 and are
 * counted in the power's calendar; a difference carries a sign ({@code -P10D}).
 */
public record Comparison(String powerCode, Side before, Side after, Difference difference, Elements elements) {

	/** One version and its figures. */
	public record Side(int version, String name, OffsetDateTime deployedAt, String deployedBy, Figures figures) {
	}

	/**
	 * {@code longestPath}: the sum of step limits along the longest path from start to end (rework
	 * loops counted once, a day as 24 hours). {@code posts}: the distinct candidate groups and
	 * assignees that steps name. {@code discretionSteps}: steps that decide (they lead into a
	 * branching gateway or ask for a decision in their form).
	 */
	public record Figures(int steps, int supervisedSteps, List<String> posts, String longestPath, String statutoryLimit,
			String promisedLimit, String calendar, List<String> discretionSteps, RiskPoints riskPoints) {
	}

	public record RiskPoints(int level1, int level2, int level3, int total) {
	}

	/** after − before; a limit is {@code null} when either side has none. */
	public record Difference(int steps, int supervisedSteps, int posts, String longestPath, String statutoryLimit,
			String promisedLimit, boolean calendarChanged, int discretionSteps, RiskPoints riskPoints) {
	}

	public record Elements(List<ElementChange> added, List<ElementChange> removed, List<ElementChange> changed) {
	}

	/** An element by id, with what changed ({@code changes}: property paths, empty for added and removed). */
	public record ElementChange(String id, String type, String name, List<String> changes) {
	}

}
