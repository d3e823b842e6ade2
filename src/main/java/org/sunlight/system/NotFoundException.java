package org.sunlight.system;

/** An id in the request names nothing we know: answered with 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
