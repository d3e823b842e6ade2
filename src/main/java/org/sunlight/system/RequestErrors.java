package org.sunlight.system;

import java.time.DateTimeException;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Requests Sunlight cannot read are a 400 naming the field or parameter, in the request's
 * language (Chinese unless it asks otherwise), before any handler runs, so nothing changes.
 * Ahead of Spring's own problem handler, whose answers name nothing and are English only; also
 * the last net for parse and conversion errors thrown deeper down, which must never be a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestErrors {

	private final MessageSource messages;

	RequestErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** A {@code @Valid} request body broke a constraint, e.g. a text longer than its column. */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		return badRequest(ex.getBindingResult().getFieldErrors().stream()
			.map(error -> field(error.getField(), error))
			.collect(Collectors.joining("；")));
	}

	/** A constrained parameter ({@code @Size} on a {@code @RequestParam}) was broken. */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameter(HandlerMethodValidationException ex) {
		return badRequest(ex.getParameterValidationResults().stream().flatMap(result -> {
			String name = result.getMethodParameter().getParameterName()
					+ (result.getContainerIndex() == null ? "" : "[" + result.getContainerIndex() + "]");
			if (result instanceof ParameterErrors errors) {
				// An element of a list body: days[0].name.
				return errors.getFieldErrors().stream().map(error -> field(name + "." + error.getField(), error));
			}
			return result.getResolvableErrors().stream().map(error -> field(name, error));
		}).collect(Collectors.joining("；")));
	}

	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail invalid(InvalidParameterException ex) {
		return badRequest(text(ex.key(), ex.args()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mistyped(MethodArgumentTypeMismatchException ex) {
		return badRequest(text("error.request.mistyped", ex.getName(), DateParameter.cut(String.valueOf(ex.getValue()))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException ex) {
		return badRequest(text("error.request.missing", ex.getParameterName()));
	}

	/** Malformed JSON, or a value of the wrong type (a list for a text, 1e20 for a number): named by its path. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		Optional<String> field = BodyField.of(ex);
		if (field.isPresent()) {
			return badRequest(text("error.request.wrongType", field.get()));
		}
		return badRequest(text("error.request.unreadable"));
	}

	/** Dates or numbers out of range deeper down (year 999999999, an overflowing sum). */
	@ExceptionHandler({ DateTimeException.class, ArithmeticException.class })
	ProblemDetail outOfRange(RuntimeException ex) {
		return badRequest(text("error.request.outOfRange", DateParameter.cut(String.valueOf(ex.getMessage()))));
	}

	private String field(String name, MessageSourceResolvable error) {
		String code = error.getCodes() == null ? "" : error.getCodes()[error.getCodes().length - 1];
		if ("Size".equals(code) && error.getArguments() != null && error.getArguments().length >= 2) {
			// Bean Validation passes @Size's attributes alphabetically after the field: max, min.
			return text("error.field.tooLong", name, error.getArguments()[1]);
		}
		return text("error.field.invalid", name, error.getDefaultMessage());
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	private static ProblemDetail badRequest(String detail) {
		return ProblemResponses.of(HttpStatus.BAD_REQUEST, detail);
	}

}
