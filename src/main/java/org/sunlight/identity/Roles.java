package org.sunlight.identity;

/** The roles of API.md. */
public final class Roles {

	public static final String ADMIN = "ADMIN";
	public static final String DESIGNER = "DESIGNER";
	public static final String HANDLER = "HANDLER";
	public static final String SUPERVISOR = "SUPERVISOR";
	/** A unit's principal or deputy leader: decides extensions (later: receives red alarms by risk level). */
	public static final String LEADER = "LEADER";

	private Roles() {
	}

}
