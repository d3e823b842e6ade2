package org.sunlight.risk;

import java.util.List;

/**
 * One sheet of a register: the points of a post (with its department) or of a department, or the
 * whole unit's as one group.
 */
public record RiskGroup(String id, String name, String department, String departmentName, List<RiskPoint> points) {

	public RiskGroup {
		points = List.copyOf(points);
	}

}
