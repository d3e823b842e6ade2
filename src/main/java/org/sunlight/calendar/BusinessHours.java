package org.sunlight.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hours of a working day in which working time passes, as ordered, non-overlapping spans
 * (default 09:00–12:00 and 13:30–17:30). The close of the last span is the close of business, at
 * which a working-day deadline falls.
 */
public record BusinessHours(List<Span> spans) {

	public static final BusinessHours DEFAULT = parse(List.of("09:00-12:00", "13:30-17:30"));

	/** One opening [open, close) within a day. */
	public record Span(LocalTime open, LocalTime close) {

		public Span {
			if (open == null || close == null || !open.isBefore(close)) {
				throw new IllegalArgumentException("business hours " + open + "-" + close + " must open before they close");
			}
		}

		public Duration length() {
			return Duration.between(open, close);
		}

		@Override
		public String toString() {
			return open + "-" + close;
		}

	}

	public BusinessHours {
		if (spans == null || spans.isEmpty()) {
			throw new IllegalArgumentException("business hours need at least one span, e.g. 09:00-17:00");
		}
		spans = List.copyOf(spans);
		for (int i = 1; i < spans.size(); i++) {
			if (spans.get(i).open().isBefore(spans.get(i - 1).close())) {
				throw new IllegalArgumentException("business hours " + spans.get(i - 1) + " and " + spans.get(i)
						+ " overlap or are out of order");
			}
		}
	}

	/** Parses spans written {@code HH:mm-HH:mm}, as in the {@code sunlight.calendar.business-hours} property. */
	public static BusinessHours parse(List<String> spans) {
		return new BusinessHours(spans.stream().map(BusinessHours::span).toList());
	}

	private static Span span(String text) {
		String[] ends = text.trim().split("\\s*-\\s*");
		if (ends.length != 2) {
			throw new IllegalArgumentException("business hours '" + text + "' must be written HH:mm-HH:mm");
		}
		try {
			return new Span(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("business hours '" + text + "' must be written HH:mm-HH:mm", ex);
		}
	}

	/** The working time of one full working day (7 h by default). */
	public Duration perDay() {
		return spans.stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
	}

	/** The close of business (17:30 by default). */
	public LocalTime closing() {
		return spans.get(spans.size() - 1).close();
	}

	@Override
	public String toString() {
		return spans.stream().map(Span::toString).collect(Collectors.joining(","));
	}

}
