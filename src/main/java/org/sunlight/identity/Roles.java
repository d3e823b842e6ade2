package org.sunlight.identity;

/** The roles of API.md. */
public final class Roles {

	public static final String ADMIN = "ADMIN";
	public static final String DESIGNER = "DESIGNER";
	/** Reviews (法制审核) a designer's new version of a power before it goes live; never their own. */
	public static final String REVIEWER = "REVIEWER";
	public static final String HANDLER = "HANDLER";
	public static final String SUPERVISOR = "SUPERVISOR";
	/** A unit's principal or deputy leader or a department head: decides extensions, receives red alarms by risk level. */
	public static final String LEADER = "LEADER";

	/** Every role, in the order the administration page lists them. */
	public static final java.util.List<String> ALL = java.util.List.of(ADMIN, DESIGNER, REVIEWER, HANDLER, SUPERVISOR,
			LEADER);

	/** Whether the signed-in caller has the role. */
	public static boolean of(org.springframework.security.core.Authentication caller, String role) {
		return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
	}

	private Roles() {
	}

}
