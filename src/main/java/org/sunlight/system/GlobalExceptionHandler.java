package org.sunlight.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the exceptions every module may throw to problem responses; modules add their own. Spring's
 * own request errors (missing or mistyped parameters, unreadable bodies) get Boot's problem details.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class GlobalExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemResponses.of(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return ProblemResponses.of(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(UnprocessableException.class)
	ProblemDetail unprocessable(UnprocessableException ex) {
		return ProblemResponses.of(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		return ProblemResponses.of(HttpStatus.CONFLICT, "a concurrent change was made; repeat the request");
	}

	/** The database refused a value no check caught (too long, out of range): the request's fault, not ours. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail refusedByDatabase(DataIntegrityViolationException ex) {
		return ProblemResponses.of(HttpStatus.BAD_REQUEST,
				"a value in the request does not fit what Sunlight stores (too long or out of range)");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegalArgument(IllegalArgumentException ex) {
		return ProblemResponses.of(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
