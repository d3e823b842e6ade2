package org.sunlight.system;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and instants given in requests ({@code 2026-11-01}, {@code 2026-11-23T09:00:00+08:00}).
 * Malformed ones, and any outside the years {@value #FIRST_YEAR}–{@value #LAST_YEAR} (no case
 * of Sunlight's lies elsewhere, and arithmetic on far years overflows), are a 400 naming the
 * parameter.
 */
public final class DateParameter {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2200;

	private DateParameter() {
	}

	/** The date, or null when the parameter is absent or blank. */
	public static LocalDate parse(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return inRange(name, value, LocalDate.parse(value.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException("error.date.malformed",
					name + " must be a date like 2026-11-01, not '" + cut(value) + "'", name, cut(value));
		}
	}

	/** A month like {@code 2026-11}, or null when the parameter is absent or blank. */
	public static YearMonth month(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			YearMonth month = YearMonth.parse(value.trim());
			inRange(name, value, month.atDay(1));
			return month;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException("error.month.malformed",
					name + " must be a month like 2026-11, not '" + cut(value) + "'", name, cut(value));
		}
	}

	/**
	 * An ISO-8601 instant with offset; without an offset it is read in {@code zone} (null: the
	 * offset is required). An unencoded {@code +} in a query string arrives as a space, so a space
	 * is read as {@code +}. Null when absent or blank.
	 */
	public static Instant instant(String name, String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim().replace(' ', '+');
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
					LocalDateTime::from);
			ZonedDateTime at = parsed instanceof ZonedDateTime zoned ? zoned
					: ((LocalDateTime) parsed).atZone(zone == null ? ZoneOffset.UTC : zone);
			if (zone == null && !(parsed instanceof ZonedDateTime)) {
				throw new DateTimeException("no offset");
			}
			inRange(name, value, at.toLocalDate());
			return at.toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidParameterException("error.instant.malformed", name + " must be an ISO-8601 instant"
					+ (zone == null ? " with offset" : "") + ", e.g. 2026-11-23T09:00:00+08:00, not '" + cut(value) + "'",
					name, cut(value));
		}
	}

	private static LocalDate inRange(String name, String value, LocalDate date) {
		if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
			throw new InvalidParameterException("error.date.outOfRange",
					name + " must lie in the years " + FIRST_YEAR + "–" + LAST_YEAR + ", not '" + cut(value) + "'", name,
					cut(value), String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
		return date;
	}

	static String cut(String value) {
		return InvalidParameterException.echo(value);
	}

}
