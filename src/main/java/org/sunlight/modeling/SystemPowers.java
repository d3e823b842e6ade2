package org.sunlight.modeling;

import java.util.Locale;

/**
 * The one rule of which powers are Sunlight's own (such as the supervision order, 督办): their
 * code starts with {@code SYS-}. Only Sunlight deploys them, at start-up; no person may, whatever
 * their role or departments, because whoever could change them could divert the supervision of
 * everyone else.
 */
public final class SystemPowers {

	public static final String PREFIX = "SYS-";

	private SystemPowers() {
	}

	/** Case-insensitive, so that {@code sys-…} cannot pass for a different power. */
	public static boolean isSystem(String powerCode) {
		return powerCode != null && powerCode.toUpperCase(Locale.ROOT).startsWith(PREFIX);
	}

}
