package org.sunlight.system;

import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Where in a JSON body Jackson gave up ({@code applicant.name}, {@code [0].name}), to name it in the answer. */
public final class BodyField {

	private BodyField() {
	}

	public static Optional<String> of(HttpMessageNotReadableException ex) {
		if (!(ex.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(mapping.getPath().stream()
			.map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", ""));
	}

}
