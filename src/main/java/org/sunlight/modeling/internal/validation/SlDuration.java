package org.sunlight.modeling.internal.validation;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the extension allows it: a positive ISO-8601 duration of days, hours, minutes
 * and seconds ({@code P20D}, {@code PT4H}, {@code P1DT4H}). Years, months and weeks are refused:
 * a month is not a fixed number of days, and the statutory counting rules are stated in days.
 *
 * <p>{@link #length()} counts a day as 24 hours. That is exact for the natural calendar and only
 * an ordering for the working-day one (a working day has fewer working hours), which is all the
 * validator needs; the calendar module computes real deadlines.
 */
record SlDuration(String text, Duration length) implements Comparable<SlDuration> {

	// Upper case only, as in xs:duration; at most six digits per field keeps the arithmetic safe.
	private static final Pattern FORMAT = Pattern
		.compile("P(?:(\\d{1,6})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?(?:(\\d{1,6})S)?)?");

	static Optional<SlDuration> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.trim();
		Matcher matcher = FORMAT.matcher(value);
		if (!matcher.matches() || value.equals("P") || value.endsWith("T")) {
			return Optional.empty();
		}
		Duration length = Duration.ofDays(number(matcher.group(1)))
			.plusHours(number(matcher.group(2)))
			.plusMinutes(number(matcher.group(3)))
			.plusSeconds(number(matcher.group(4)));
		if (length.isZero()) {
			return Optional.empty();
		}
		return Optional.of(new SlDuration(value, length));
	}

	@Override
	public int compareTo(SlDuration other) {
		return length.compareTo(other.length);
	}

	/** The length in ISO-8601 form with days, for messages about sums. */
	static String format(Duration length) {
		long days = length.toDays();
		Duration rest = length.minusDays(days);
		StringBuilder text = new StringBuilder("P");
		if (days > 0) {
			text.append(days).append('D');
		}
		if (!rest.isZero()) {
			text.append('T');
			if (rest.toHoursPart() > 0) {
				text.append(rest.toHoursPart()).append('H');
			}
			if (rest.toMinutesPart() > 0) {
				text.append(rest.toMinutesPart()).append('M');
			}
			if (rest.toSecondsPart() > 0) {
				text.append(rest.toSecondsPart()).append('S');
			}
		}
		return text.length() == 1 ? "PT0S" : text.toString();
	}

	private static long number(String digits) {
		return digits == null ? 0 : Long.parseLong(digits);
	}

}
