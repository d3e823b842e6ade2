package org.sunlight.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sunlight.system.InvalidParameterException;

/**
 * A positive duration as models write it: {@code P3D}, {@code PT4H30M}, {@code P1DT4H}. Whole
 * days count by the statutory rule (Civil Code arts. 201–203), the time part counts exact working
 * (or natural) time after the days. Weeks, months and years are refused: limits in the catalog are
 * given in days, and a month of working days has no agreed meaning.
 */
public record TimeLimit(int days, Duration time) {

	/** Why a text is not a time limit, so that callers can word it for their users. */
	public enum Refusal {
		/** Nothing given. */
		MISSING,
		/** Not an ISO-8601 duration of days, hours, minutes and seconds. */
		NOT_ISO,
		/** Years, months or weeks. */
		YEARS_MONTHS_WEEKS,
		/** A minus sign. */
		NEGATIVE,
		/** Zero length. */
		ZERO,
		/** More than {@link #MAX_DAYS} days or {@link #MAX_TIME} of time. */
		TOO_LONG
	}

	/** A text that is not a time limit: {@link #refusal()} says why, the message key in the request's language. */
	public static final class InvalidTimeLimitException extends InvalidParameterException {

		private final Refusal refusal;

		InvalidTimeLimitException(Refusal refusal, String key, String english, Object... args) {
			super(key, english, args);
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	/** Ten years: no administrative limit comes near, and it bounds the arithmetic. */
	public static final int MAX_DAYS = 3660;

	public static final Duration MAX_TIME = Duration.ofHours(10_000);

	private static final Pattern ISO = Pattern
		.compile("P(?:(\\d{1,6})D)?(?:T(?:(\\d{1,7})H)?(?:(\\d{1,9})M)?(?:(\\d{1,11})S)?)?");

	public TimeLimit {
		if (time == null) {
			time = Duration.ZERO;
		}
		if (days < 0 || time.isNegative()) {
			throw new IllegalArgumentException("a time limit must not be negative");
		}
		if (days == 0 && time.isZero()) {
			throw new IllegalArgumentException("a time limit must be longer than zero");
		}
		if (days > MAX_DAYS) {
			throw new IllegalArgumentException("a time limit may have at most " + MAX_DAYS + " days");
		}
		if (time.compareTo(MAX_TIME) > 0) {
			throw new IllegalArgumentException("the time part of a limit may be at most " + MAX_TIME.toHours() + " hours");
		}
	}

	public static TimeLimit ofDays(int days) {
		return new TimeLimit(days, Duration.ZERO);
	}

	public static TimeLimit of(Duration time) {
		return new TimeLimit(0, time);
	}

	/** Parses an ISO-8601 duration; the message of the refusal says what is wrong. */
	public static TimeLimit parse(String iso) {
		if (iso == null || iso.isBlank()) {
			throw new InvalidTimeLimitException(Refusal.MISSING, "error.duration.required",
					"duration is required, e.g. P3D, PT4H or P1DT4H");
		}
		String text = iso.trim().toUpperCase(Locale.ROOT);
		if (text.contains("-")) {
			throw refused(Refusal.NEGATIVE, "error.duration.negative", "duration '" + iso + "' must not be negative", iso);
		}
		Matcher matcher = ISO.matcher(text);
		// The pattern lets every part be absent; "P" and "P1DT" are still not durations.
		if (!matcher.matches() || text.equals("P") || text.endsWith("T")) {
			String datePart = text.indexOf('T') < 0 ? text : text.substring(0, text.indexOf('T'));
			if (datePart.startsWith("P") && datePart.matches("P.*[YMW].*")) {
				throw refused(Refusal.YEARS_MONTHS_WEEKS, "error.duration.weeks",
						"duration '" + iso + "' uses years, months or weeks; give days instead, e.g. P10D", iso);
			}
			throw refused(Refusal.NOT_ISO, "error.duration.malformed",
					"duration '" + iso + "' is not an ISO-8601 duration such as P3D, PT4H or P1DT4H", iso);
		}
		long days = number(matcher.group(1));
		if (days > MAX_DAYS) {
			throw refused(Refusal.TOO_LONG, "error.duration.tooManyDays", "duration '" + iso + "' has more than " + MAX_DAYS + " days", iso,
					String.valueOf(MAX_DAYS));
		}
		long hours = number(matcher.group(2));
		long minutes = number(matcher.group(3));
		long seconds = number(matcher.group(4));
		if (hours > MAX_TIME.toHours() || minutes > MAX_TIME.toMinutes() || seconds > MAX_TIME.toSeconds()) {
			throw refused(Refusal.TOO_LONG, "error.duration.timeTooLong",
					"duration '" + iso + "' has a time part over " + MAX_TIME.toHours() + " hours", iso,
					String.valueOf(MAX_TIME.toHours()));
		}
		Duration time = Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
		if (days == 0 && time.isZero()) {
			throw refused(Refusal.ZERO, "error.duration.zero", "duration '" + iso + "' must be longer than zero", iso);
		}
		if (time.compareTo(MAX_TIME) > 0) {
			throw refused(Refusal.TOO_LONG, "error.duration.timeTooLong",
					"duration '" + iso + "' has a time part over " + MAX_TIME.toHours() + " hours", iso,
					String.valueOf(MAX_TIME.toHours()));
		}
		return new TimeLimit((int) days, time);
	}

	private static InvalidTimeLimitException refused(Refusal refusal, String key, String english, String iso,
			String... more) {
		Object[] args = new Object[more.length + 1];
		args[0] = InvalidParameterException.echo(iso);
		System.arraycopy(more, 0, args, 1, more.length);
		return new InvalidTimeLimitException(refusal, key, english, args);
	}

	private static long number(String digits) {
		return digits == null ? 0 : Long.parseLong(digits);
	}

	/** Days as 24 hours plus the time part: exact for natural days, only an order for working days. */
	public Duration nominalLength() {
		return Duration.ofDays(days).plus(time);
	}

	public boolean hasDays() {
		return days > 0;
	}

	public boolean hasTime() {
		return !time.isZero();
	}

	/** The canonical ISO-8601 text, e.g. {@code P1DT4H30M}. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("P");
		if (days > 0) {
			text.append(days).append('D');
		}
		if (hasTime()) {
			text.append('T');
			if (time.toHours() > 0) {
				text.append(time.toHours()).append('H');
			}
			if (time.toMinutesPart() > 0) {
				text.append(time.toMinutesPart()).append('M');
			}
			if (time.toSecondsPart() > 0) {
				text.append(time.toSecondsPart()).append('S');
			}
		}
		return text.toString();
	}

}
