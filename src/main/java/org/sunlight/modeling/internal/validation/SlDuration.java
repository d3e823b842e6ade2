package org.sunlight.modeling.internal.validation;

import java.time.Duration;
import java.util.Optional;

import org.sunlight.calendar.TimeLimit;

/**
 * A time limit as the extension allows it, parsed by {@link TimeLimit}, the code that runs it, so
 * that a limit the validator accepts is one a case can start with.
 *
 * <p>{@link #length()} counts a day as 24 hours. That is exact for the natural calendar and only
 * an ordering for the working-day one (a working day has fewer working hours), which is all the
 * validator needs; the calendar module computes real deadlines.
 */
record SlDuration(String text, Duration length) implements Comparable<SlDuration> {

	/** @throws TimeLimit.InvalidTimeLimitException saying why the text is not a limit */
	static SlDuration of(String text) {
		TimeLimit limit = TimeLimit.parse(text);
		return new SlDuration(text.trim(), limit.nominalLength());
	}

	static Optional<SlDuration> parse(String text) {
		try {
			return Optional.of(of(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
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

}
