package org.sunlight.calendar;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.sunlight.system.BodyField;
import org.sunlight.system.ProblemResponses;

/** Says what the body of a holiday table must look like when it cannot be read at all. */
@RestControllerAdvice(assignableTypes = CalendarController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarExceptionHandler {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String at = BodyField.of(ex).map(field -> "days" + field + ": ").orElse("");
		return ProblemResponses.of(HttpStatus.BAD_REQUEST, at
				+ "the body must be a JSON list of {date, kind, name}, e.g. [{\"date\": \"2027-01-01\", \"kind\": \"HOLIDAY\", \"name\": \"元旦\"}]");
	}

}
