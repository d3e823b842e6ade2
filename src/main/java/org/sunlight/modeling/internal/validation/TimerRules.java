package org.sunlight.modeling.internal.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sunlight.calendar.TimeLimit;
import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * A timer a designer draws is a fixed ISO-8601 value the engine can read and that cannot flood it:
 * a date, a duration (parsed by {@link TimeLimit}, as limits are), or a cycle {@code Rn/duration}
 * (optionally {@code Rn/start/duration}) with a bounded count and a minimum interval. Expressions
 * and cron are refused: their value is only known when the timer runs. The compiler's own clocks
 * are computed dates and are not checked here (models as drawn never contain them).
 */
final class TimerRules {

	/** The ISO-8601 date forms the engine's parser reads too. */
	private static final List<Function<String, ?>> DATE_FORMS = List.of(OffsetDateTime::parse, LocalDateTime::parse,
			LocalDate::parse);

	private static final Pattern CYCLE = Pattern.compile("R(\\d{1,9})/(?:([^/]+)/)?(P[^/]+)");

	private TimerRules() {
	}

	static void check(Element definitions, ModelBounds bounds, Problems problems) {
		for (Element timer : Dom.descendants(definitions, SlNamespace.BPMN, "timerEventDefinition")) {
			for (Element value : Dom.children(timer)) {
				if (SlNamespace.BPMN.equals(value.getNamespaceURI())) {
					checkValue(value, bounds, problems);
				}
			}
		}
	}

	private static void checkValue(Element value, ModelBounds bounds, Problems problems) {
		String kind = value.getLocalName();
		String text = value.getTextContent().trim();
		boolean valid = switch (kind) {
			case "timeDate" -> isDate(text);
			case "timeDuration" -> isDuration(value, kind, text, problems);
			case "timeCycle" -> isCycle(value, text, bounds, problems);
			default -> true;
		};
		if (!valid) {
			problems.add(ProblemCode.INVALID_TIMER, Dom.owner(value), kind, text);
		}
	}

	private static boolean isDate(String text) {
		for (Function<String, ?> parser : DATE_FORMS) {
			try {
				parser.apply(text);
				return true;
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return false;
	}

	/** @return false when not a duration at all; a duration out of range is reported here */
	private static boolean isDuration(Element value, String kind, String text, Problems problems) {
		// The engine reads durations with javax.xml.datatype, which takes upper case only.
		if (!text.equals(text.toUpperCase(Locale.ROOT))) {
			return false;
		}
		try {
			TimeLimit.parse(text);
			return true;
		}
		catch (TimeLimit.InvalidTimeLimitException ex) {
			if (ex.refusal() != TimeLimit.Refusal.TOO_LONG) {
				return false;
			}
			problems.add(ProblemCode.DURATION_OUT_OF_RANGE, Dom.owner(value), kind, text, TimeLimit.MAX_DAYS,
					TimeLimit.MAX_TIME.toHours());
			return true;
		}
	}

	private static boolean isCycle(Element value, String text, ModelBounds bounds, Problems problems) {
		Matcher matcher = CYCLE.matcher(text);
		if (!matcher.matches() || (matcher.group(2) != null && !isDate(matcher.group(2)))) {
			return false;
		}
		String interval = matcher.group(3);
		if (!isDuration(value, "timeCycle", interval, problems)) {
			return false;
		}
		long repeats = Long.parseLong(matcher.group(1));
		TimeLimit every;
		try {
			every = TimeLimit.parse(interval);
		}
		catch (IllegalArgumentException ex) {
			return true; // out of range: reported as such already
		}
		if (repeats < 1 || repeats > bounds.maxTimerRepeats()
				|| every.nominalLength().compareTo(bounds.minTimerInterval()) < 0) {
			problems.add(ProblemCode.TIMER_CYCLE_OUT_OF_BOUNDS, Dom.owner(value), text, repeats, interval,
					bounds.maxTimerRepeats(), TimeLimit.of(bounds.minTimerInterval()).toString());
		}
		return true;
	}

}
