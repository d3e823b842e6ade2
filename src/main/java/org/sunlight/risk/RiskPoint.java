package org.sunlight.risk;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A risk point (廉政风险点) as the register keeps it. Departments, posts and people carry their
 * names beside their ids; {@code owners} are the leaders who answer for a point of its level
 * (level 1 the unit's principal leader, 2 the deputies in charge of the department, 3 the
 * department's head), {@code reviewedAt} is when the last version carrying it went live and
 * {@code reviewedBy} who approved that version.
 */
public record RiskPoint(long id, String code, String powerCode, String powerName, String department,
		String departmentName, String stepId, String stepName, List<Named> posts, int level, String description,
		String measure, String ownerRole, List<Named> owners, RiskStatus status, int firstVersion, int lastVersion,
		Integer retiredVersion, OffsetDateTime reviewedAt, Named reviewedBy, List<Change> history) {

	public RiskPoint {
		posts = List.copyOf(posts);
		owners = List.copyOf(owners);
		history = List.copyOf(history);
	}

	/** An id with its name (the id again when the organisation does not know it). */
	public record Named(String id, String name) {
	}

	/** What a version did to the point, and the point as it was after. */
	public record Change(int version, String change, int level, String stepId, String stepName, String posts,
			String description, String measure, OffsetDateTime at) {
	}

}
