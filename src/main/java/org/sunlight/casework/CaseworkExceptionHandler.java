package org.sunlight.casework;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.ProblemResponses;

/**
 * 422 with {@code errors: [{field, code, message, limit}]} for a form in error; 409 or 403 with
 * {@code holder} for a task someone else holds; 413 and 415 for uploads.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseworkExceptionHandler {

	@ExceptionHandler(FormInvalidException.class)
	ProblemDetail formInvalid(FormInvalidException ex) {
		ProblemDetail problem = ProblemResponses.of(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler(TaskHeldException.class)
	ProblemDetail taskHeld(TaskHeldException ex) {
		ProblemDetail problem = ProblemResponses.of(ex.status(), ex.getMessage());
		problem.setProperty("holder", ex.holder());
		return problem;
	}

	@ExceptionHandler(AttachmentRefusedException.class)
	ProblemDetail attachmentRefused(AttachmentRefusedException ex) {
		return ProblemResponses.of(ex.status(), ex.getMessage());
	}

}
