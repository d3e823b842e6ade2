package org.sunlight.support;

/**
 * Whether the tests that need a real PostgreSQL server or a real Chromium must run. CI sets
 * {@code -Dsunlight.require.postgres=true -Dsunlight.require.browser=true}; locally they skip and
 * say why when the server or browser is missing.
 */
public final class RealServices {

	private RealServices() {
	}

	public static boolean postgresRequired() {
		return Boolean.getBoolean("sunlight.require.postgres");
	}

	public static boolean browserRequired() {
		return Boolean.getBoolean("sunlight.require.browser");
	}

}
