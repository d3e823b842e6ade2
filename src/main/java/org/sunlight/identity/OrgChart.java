package org.sunlight.identity;

import java.util.List;

/**
 * The whole organisation as the administration page and the designer's pickers see it. People
 * carry no password, only whether they may sign in and until when they are locked out.
 */
public record OrgChart(List<Unit> units, List<Department> departments, List<Post> posts, List<Person> people) {

	public record Unit(String id, String name, String parentId, String principalLeader, List<Deputy> deputies) {
	}

	public record Deputy(String username, List<String> departments) {
	}

	public record Department(String id, String unitId, String name, String headUser) {
	}

	public record Post(String id, String departmentId, String name) {
	}

	public record Person(String username, String displayName, List<String> roles, List<String> posts,
			List<String> supervises, List<String> draws, boolean enabled, java.time.Instant lockedUntil) {
	}

}
