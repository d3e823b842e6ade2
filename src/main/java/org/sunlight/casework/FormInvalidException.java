package org.sunlight.casework;

import java.util.List;

/** Submitted form values break the form's constraints: answered with 422 and every field in error. */
class FormInvalidException extends RuntimeException {

	private final transient List<TaskForms.FieldError> errors;

	FormInvalidException(List<TaskForms.FieldError> errors) {
		super("the form has " + errors.size() + " field(s) in error: "
				+ errors.stream().map(e -> e.field() + " (" + e.code() + ")").toList());
		this.errors = List.copyOf(errors);
	}

	List<TaskForms.FieldError> errors() {
		return errors;
	}

}
