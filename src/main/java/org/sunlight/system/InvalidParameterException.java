package org.sunlight.system;

/**
 * A request value Sunlight cannot use, said in the request's language: {@link #key()} names a
 * message in {@code i18n/messages*.properties}, the English text stays the exception's message
 * for logs. Answered with 400 (RequestErrors).
 */
public class InvalidParameterException extends IllegalArgumentException {

	private final String key;
	private final transient Object[] args;

	public InvalidParameterException(String key, String english, Object... args) {
		super(english);
		this.key = key;
		this.args = args;
	}

	/** At most a little of what was sent, to echo in an answer: it may be a megabyte. */
	public static String echo(String value) {
		return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

}
