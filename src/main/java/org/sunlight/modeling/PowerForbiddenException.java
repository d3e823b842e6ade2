package org.sunlight.modeling;

/**
 * A person may not change this power (a system power, another department's, their own version to
 * approve): answered with 403. The message key and arguments say why in the request's language.
 */
public class PowerForbiddenException extends RuntimeException {

	private final String messageKey;
	private final transient Object[] arguments;

	PowerForbiddenException(String messageKey, String englishMessage, Object... arguments) {
		super(englishMessage);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
