package org.sunlight.calendar;

import java.util.Locale;

/** How a power counts its time limits: the {@code calendar} attribute of {@code sl:power}. */
public enum CalendarKind {

	/** 工作日: weekends and holidays are skipped, make-up working days count, hours are business hours. */
	WORKDAY("workday"),

	/** 自然日: every day and hour counts; only a last day that is not a working day moves. */
	NATURAL("natural");

	private final String code;

	CalendarKind(String code) {
		this.code = code;
	}

	/** The name models and the API use. */
	public String code() {
		return code;
	}

	/** Parses {@code workday} or {@code natural}; null or blank means {@code workday}, the models' default. */
	public static CalendarKind of(String code) {
		if (code == null || code.isBlank()) {
			return WORKDAY;
		}
		for (CalendarKind kind : values()) {
			if (kind.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
				return kind;
			}
		}
		throw new IllegalArgumentException("calendar '" + code + "' is unknown: use workday or natural");
	}

}
