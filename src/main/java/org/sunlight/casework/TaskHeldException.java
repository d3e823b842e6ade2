package org.sunlight.casework;

import org.springframework.http.HttpStatus;

/**
 * Someone else holds the task: 409 when the caller tried to take or finish it, 403 when they only
 * tried to read it. The problem names the holder ({@code holder}), so the browser can say it in
 * the user's language.
 */
class TaskHeldException extends RuntimeException {

	private final String holder;
	private final HttpStatus status;

	TaskHeldException(String taskId, String holder, HttpStatus status) {
		super("task " + taskId + " is claimed by " + holder);
		this.holder = holder;
		this.status = status;
	}

	String holder() {
		return holder;
	}

	HttpStatus status() {
		return status;
	}

}
