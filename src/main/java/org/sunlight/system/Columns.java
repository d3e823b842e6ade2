package org.sunlight.system;

/**
 * The sizes of the text columns requests write to (src/main/resources/db/migration), declared
 * once so that every request record checks against the same numbers with {@code @Size}.
 */
public final class Columns {

	/** Ids, user names, power codes, case ids: {@code varchar(64)}. */
	public static final int ID = 64;

	/** Names, titles, display names, applicants' names: {@code varchar(255)}. */
	public static final int NAME = 255;

	/** Reasons, notes, instructions, comments: {@code varchar(2000)}. */
	public static final int TEXT = 2000;

	/** Durations, categories, kinds: {@code varchar(32)}. */
	public static final int CODE = 32;

	/** A holiday's name, {@code sl_calendar_day.name}: {@code varchar(64)}. */
	public static final int DAY_NAME = 64;

	private Columns() {
	}

}
