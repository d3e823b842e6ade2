package org.sunlight.calendar;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of a limit left when the yellow warning fires if the model names no {@code warnBefore}:
 * a fraction such as {@code 1/3} (the default), kept as numerator and denominator so a third of
 * seven hours is exactly 2 h 20 min.
 */
public record WarnShare(int numerator, int denominator) {

	public static final WarnShare THIRD = new WarnShare(1, 3);

	private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*");

	public WarnShare {
		if (numerator <= 0 || denominator <= 0 || numerator >= denominator) {
			throw new IllegalArgumentException(
					"a warning share must lie strictly between 0 and 1, not " + numerator + "/" + denominator);
		}
	}

	/** @throws IllegalArgumentException unless the text is a fraction like {@code 1/3} */
	public static WarnShare parse(String text) {
		Matcher fraction = FRACTION.matcher(text == null ? "" : text);
		if (!fraction.matches()) {
			throw new IllegalArgumentException("a warning share is a fraction such as 1/3, not '" + text + "'");
		}
		return new WarnShare(Integer.parseInt(fraction.group(1)), Integer.parseInt(fraction.group(2)));
	}

	/** This share of a length of time. */
	public Duration of(Duration length) {
		return length.multipliedBy(numerator).dividedBy(denominator);
	}

	@Override
	public String toString() {
		return numerator + "/" + denominator;
	}

}
