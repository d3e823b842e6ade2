package org.sunlight.modeling;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.ProblemResponses;

/** 400 for unreadable or hostile XML, 413 for oversize, 422 with every problem for invalid models. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelingExceptionHandler {

	@ExceptionHandler(ModelRejectedException.class)
	ProblemDetail rejected(ModelRejectedException ex) {
		HttpStatus status = ex.reason() == ModelRejectedException.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemResponses.of(status, ex.getMessage());
		problem.setProperty("reason", ex.reason().name());
		return problem;
	}

	@ExceptionHandler(InvalidModelException.class)
	ProblemDetail invalid(InvalidModelException ex) {
		ProblemDetail problem = ProblemResponses.of(HttpStatus.UNPROCESSABLE_ENTITY,
				"the model has " + ex.report().errors().size() + " error(s); nothing was deployed");
		problem.setProperty("problems", ex.report().problems());
		return problem;
	}

}
