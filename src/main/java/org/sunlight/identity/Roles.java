package org.sunlight.identity;

/** The roles of API.md. */
public final class Roles {

	public static final String ADMIN = "ADMIN";
	public static final String DESIGNER = "DESIGNER";
	public static final String HANDLER = "HANDLER";
	public static final String SUPERVISOR = "SUPERVISOR";

	private Roles() {
	}

}
