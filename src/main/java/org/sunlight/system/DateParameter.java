package org.sunlight.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A calendar date given as a request parameter ({@code 2026-11-01}); malformed ones are a 400 naming the parameter. */
public final class DateParameter {

	private DateParameter() {
	}

	/** The date, or null when the parameter is absent or blank. */
	public static LocalDate parse(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a date like 2026-11-01, not '" + value + "'");
		}
	}

}
