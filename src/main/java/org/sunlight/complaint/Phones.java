package org.sunlight.complaint;

/** How a complainant's phone shows, to anyone, staff included: the first three and last four digits (138****5678). */
public final class Phones {

	private Phones() {
	}

	public static String mask(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() < 8) {
			return "*".repeat(digits.length());
		}
		return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
	}

}
