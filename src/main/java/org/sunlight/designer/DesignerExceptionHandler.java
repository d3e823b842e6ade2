package org.sunlight.designer;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.ProblemResponses;

/** 409 for a stale draft, with who saved the current revision and when, so the app can say so. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DesignerExceptionHandler {

	@ExceptionHandler(DraftConflictException.class)
	ProblemDetail conflict(DraftConflictException ex) {
		ProblemDetail problem = ProblemResponses.of(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("currentRevision", ex.current().revision());
		problem.setProperty("updatedBy", ex.current().updatedBy());
		problem.setProperty("updatedAt", ex.current().updatedAt());
		return problem;
	}

}
