package org.sunlight.risk;

import java.util.Locale;
import java.util.Set;

import org.sunlight.system.Columns;
import org.sunlight.system.InvalidParameterException;

/**
 * What a register shows: the departments the caller may see ({@code null}: all), optionally one
 * level, one status ({@code null}: both), one power and a text found in the code, power, step,
 * description or measure.
 */
public record RiskFilter(Set<String> departments, Integer level, RiskStatus status, String powerCode, String text) {

	/** Reads the request's parameters; a wrong one is a 400 that names it. */
	public static RiskFilter of(Set<String> departments, String level, String status, String powerCode, String text) {
		return new RiskFilter(departments, level(level), status(status), blankToNull(powerCode, "power", Columns.ID),
				blankToNull(text, "q", Columns.NAME));
	}

	private static Integer level(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String level = value.trim();
		if (!level.equals("1") && !level.equals("2") && !level.equals("3")) {
			throw new InvalidParameterException("error.risk.level", "level must be 1, 2 or 3, not '"
					+ InvalidParameterException.echo(value) + "'", InvalidParameterException.echo(value));
		}
		return Integer.valueOf(level);
	}

	/** Active points unless asked otherwise; {@code ALL} for both. */
	private static RiskStatus status(String value) {
		if (value == null || value.isBlank()) {
			return RiskStatus.ACTIVE;
		}
		String status = value.trim().toUpperCase(Locale.ROOT);
		if (status.equals("ALL")) {
			return null;
		}
		try {
			return RiskStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("error.risk.status", "status must be ACTIVE, RETIRED or ALL, not '"
					+ InvalidParameterException.echo(value) + "'", InvalidParameterException.echo(value));
		}
	}

	private static String blankToNull(String value, String name, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new InvalidParameterException("error.field.tooLong", name + " is too long: at most " + max
					+ " characters", name, max);
		}
		return value.trim();
	}

}
