package org.sunlight.system;

/** The request is well-formed but breaks a rule of the domain: answered with 422. */
public class UnprocessableException extends RuntimeException {

	public UnprocessableException(String message) {
		super(message);
	}

}
