package org.sunlight.casework;

import org.springframework.http.HttpStatus;

/** An upload that is too large (413) or of a kind Sunlight does not keep (415). */
class AttachmentRefusedException extends RuntimeException {

	private final HttpStatus status;

	AttachmentRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
