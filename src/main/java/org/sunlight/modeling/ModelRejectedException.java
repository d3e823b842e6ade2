package org.sunlight.modeling;

/**
 * The uploaded bytes are not a BPMN model we are willing to read at all: too large, not
 * well-formed, hostile (DTDs, entities) or not BPMN 2.0. Nothing was parsed beyond the point of
 * refusal.
 */
public class ModelRejectedException extends RuntimeException {

	public enum Reason {
		TOO_LARGE, MALFORMED, HOSTILE, NOT_BPMN
	}

	private final Reason reason;

	public ModelRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public ModelRejectedException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
