package org.sunlight.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.ProblemResponses;

/** 429 with {@code Retry-After} (seconds) for a client that failed too many lookups. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalExceptionHandler {

	@ExceptionHandler(PublicProgress.TooManyLookupsException.class)
	ResponseEntity<ProblemDetail> tooMany(PublicProgress.TooManyLookupsException ex) {
		ProblemDetail problem = ProblemResponses.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

}
