package org.sunlight.modeling;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.ProblemResponses;

/**
 * 400 for unreadable or hostile XML, 413 for oversize, 422 with every problem for invalid models,
 * 403 naming the power for a change its author may not make.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelingExceptionHandler {

	private final MessageSource messages;

	ModelingExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/** Who may not change this power, and why, in the request's language. */
	@ExceptionHandler(PowerForbiddenException.class)
	ProblemDetail forbidden(PowerForbiddenException ex) {
		ProblemDetail problem = ProblemResponses.of(HttpStatus.FORBIDDEN,
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale()));
		problem.setProperty("powerCode", ex.arguments()[0]);
		return problem;
	}

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
