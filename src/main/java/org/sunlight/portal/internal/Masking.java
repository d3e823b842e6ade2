package org.sunlight.portal.internal;

/** How an applicant's name shows in public: the first character, then one star (张三 → 张*). */
public final class Masking {

	private Masking() {
	}

	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String trimmed = name.trim();
		// By code point, so a name starting with a supplementary character is not cut in half.
		return new String(Character.toChars(trimmed.codePointAt(0))) + "*";
	}

}
