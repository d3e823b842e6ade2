package org.sunlight.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies over {@code sunlight.web.max-body} (4 MB, what Tomcat swallows of a refused
 * upload; the largest body Sunlight takes is a 2 MB model, which has its own 413) are refused with
 * 413 before anyone reads them, even before sign-in. Attachments have their own limit (CaseRecords).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;
	private final ObjectMapper json;
	private final MessageSource messages;

	RequestBodyLimit(@Value("${sunlight.web.max-body:4194304}") long maxBytes, ObjectMapper json,
			MessageSource messages) {
		this.maxBytes = maxBytes;
		this.json = json;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().matches("/api/cases/[^/]+/attachments");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			// Filters run before Spring MVC resolves a locale; Chinese unless the client asks otherwise.
			Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			json.writeValue(response.getOutputStream(), ProblemResponses.of(HttpStatus.PAYLOAD_TOO_LARGE,
					messages.getMessage("error.request.tooLarge", new Object[] { maxBytes }, locale)));
			return;
		}
		chain.doFilter(request, response);
	}

}
