package org.sunlight.identity;

import java.util.Set;

/**
 * The departments whose cases and escalations a supervisor may see: some, or all of them (a
 * unit-level discipline-inspection office, or an administrator).
 */
public record SupervisionScope(boolean all, Set<String> departments) {

	public static final SupervisionScope EVERYTHING = new SupervisionScope(true, Set.of());

	public static final SupervisionScope NOTHING = new SupervisionScope(false, Set.of());

	public SupervisionScope {
		departments = Set.copyOf(departments);
	}

	public boolean covers(String department) {
		return all || (department != null && departments.contains(department));
	}

}
