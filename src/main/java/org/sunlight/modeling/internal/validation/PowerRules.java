package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sunlight.calendar.TimeLimit;
import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/** The catalog entry of the power: {@code sl:power} on the process (BPMN-EXTENSION.md). */
final class PowerRules {

	// The code appears in URLs and file names: letters, digits, dot, dash and underscore.
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
	private static final Pattern FEE = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");

	private PowerRules() {
	}

	static void check(Element process, Problems problems) {
		if (Dom.text(process, "name") == null) {
			problems.add(ProblemCode.MISSING_PROCESS_NAME, process);
		}
		List<Element> powers = Dom.extensions(process, SlNamespace.URI, SlVocabulary.POWER);
		if (powers.isEmpty()) {
			problems.add(ProblemCode.MISSING_POWER, process);
			return;
		}
		if (powers.size() > 1) {
			problems.add(ProblemCode.DUPLICATE_POWER, process, powers.size());
		}
		checkPower(process, powers.get(0), problems);
	}

	private static void checkPower(Element process, Element power, Problems problems) {
		String code = Dom.text(power, "code");
		if (code == null) {
			problems.add(ProblemCode.MISSING_POWER_CODE, process);
		}
		else if (!CODE.matcher(code).matches()) {
			problems.add(ProblemCode.INVALID_POWER_CODE, process, code);
		}
		String category = Dom.text(power, "category");
		if (category == null) {
			problems.add(ProblemCode.MISSING_CATEGORY, process);
		}
		else if (!SlVocabulary.CATEGORIES.contains(category)) {
			problems.add(ProblemCode.UNKNOWN_CATEGORY, process, category, String.join(", ", SlVocabulary.CATEGORIES));
		}
		if (Dom.text(power, "department") == null) {
			problems.add(ProblemCode.MISSING_DEPARTMENT, process);
		}
		// Set.of refuses to look up null: a power without a category still needs its legal basis.
		if (Dom.text(power, "legalBasis") == null && (category == null || !SlVocabulary.INTERNAL_CATEGORIES.contains(category))) {
			problems.add(ProblemCode.MISSING_LEGAL_BASIS, process);
		}
		String calendar = Dom.text(power, "calendar");
		if (calendar != null && !SlVocabulary.CALENDARS.contains(calendar)) {
			problems.add(ProblemCode.UNKNOWN_CALENDAR, process, calendar);
		}
		checkLimits(process, power, problems);
		String isPublic = Dom.attr(power, "public");
		if (isPublic != null && !isPublic.trim().equals("true") && !isPublic.trim().equals("false")) {
			problems.add(ProblemCode.INVALID_PUBLIC, process, isPublic);
		}
		String fee = Dom.attr(power, "fee");
		if (fee != null && !FEE.matcher(fee.trim()).matches()) {
			problems.add(ProblemCode.INVALID_FEE, process, fee);
		}
	}

	private static void checkLimits(Element process, Element power, Problems problems) {
		String statutoryText = Dom.attr(power, "statutoryLimit");
		String promisedText = Dom.attr(power, "promisedLimit");
		if (Dom.isBlank(statutoryText) && Dom.isBlank(promisedText)) {
			problems.add(ProblemCode.MISSING_CASE_LIMIT, process);
			return;
		}
		Optional<SlDuration> statutory = duration(process, "statutoryLimit", statutoryText, problems);
		Optional<SlDuration> promised = duration(process, "promisedLimit", promisedText, problems);
		if (statutory.isPresent() && promised.isPresent() && promised.get().compareTo(statutory.get()) > 0) {
			problems.add(ProblemCode.PROMISED_EXCEEDS_STATUTORY, process, promised.get().text(),
					statutory.get().text());
		}
		Optional<SlDuration> limit = promised.isPresent() ? promised : statutory;
		Optional<SlDuration> warnBefore = duration(process, "warnBefore", Dom.attr(power, "warnBefore"), problems);
		if (limit.isPresent() && warnBefore.isPresent() && warnBefore.get().compareTo(limit.get()) >= 0) {
			problems.add(ProblemCode.WARN_BEFORE_NOT_SHORTER, process, warnBefore.get().text(), limit.get().text());
		}
		duration(process, "maxExtension", Dom.attr(power, "maxExtension"), problems);
	}

	/** Parses an optional duration attribute, reporting it when present but not a valid duration. */
	static Optional<SlDuration> duration(Element element, String attribute, String text, Problems problems) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(SlDuration.of(text));
		}
		catch (TimeLimit.InvalidTimeLimitException ex) {
			if (ex.refusal() == TimeLimit.Refusal.TOO_LONG) {
				problems.add(ProblemCode.DURATION_OUT_OF_RANGE, element, attribute, text, TimeLimit.MAX_DAYS,
						TimeLimit.MAX_TIME.toHours());
			}
			else {
				problems.add(ProblemCode.INVALID_DURATION, element, attribute, text);
			}
			return Optional.empty();
		}
	}

	/** The limit escalations run on: the promised one when present, else the statutory one. */
	static Optional<SlDuration> caseLimit(Element process) {
		List<Element> powers = Dom.extensions(process, SlNamespace.URI, SlVocabulary.POWER);
		if (powers.isEmpty()) {
			return Optional.empty();
		}
		Optional<SlDuration> promised = SlDuration.parse(Dom.attr(powers.get(0), "promisedLimit"));
		return promised.isPresent() ? promised : SlDuration.parse(Dom.attr(powers.get(0), "statutoryLimit"));
	}

}
