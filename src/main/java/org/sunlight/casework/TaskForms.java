package org.sunlight.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.TaskFormData;
import org.springframework.stereotype.Service;

/**
 * The Camunda form fields of a task ({@code camunda:formField}) as the browser renders them, and
 * the server's own check of what a handler submits: every problem is reported per field, in one
 * answer, before anything is written.
 */
@Service
public class TaskForms {

	static final int MAX_TEXT = 4000;

	private final FormService forms;

	TaskForms(FormService forms) {
		this.forms = forms;
	}

	/** One choice of an enum field. */
	public record Option(String id, String name) {
	}

	/** A form field with the constraints the browser checks too. */
	public record Field(String id, String label, String type, boolean required, boolean readonly, BigDecimal min,
			BigDecimal max, Integer minlength, Integer maxlength, List<Option> options, Object defaultValue,
			Object value) {
	}

	/** What is wrong with one submitted field; {@code code} is REQUIRED, TYPE, MIN, MAX, MINLENGTH, MAXLENGTH, OPTION, UNKNOWN or INVALID. */
	public record FieldError(String field, String code, String message, Object limit) {
	}

	public List<Field> fields(String taskId) {
		TaskFormData form = forms.getTaskFormData(taskId);
		return form == null ? List.of() : form.getFormFields().stream().map(TaskForms::field).toList();
	}

	boolean hasForm(String taskId) {
		TaskFormData form = forms.getTaskFormData(taskId);
		return form != null && !form.getFormFields().isEmpty();
	}

	/**
	 * The submitted values converted to the fields' types (dates as {@link Date}), leaving out
	 * read-only fields and empty optional ones; throws {@link FormInvalidException} listing every
	 * field in error.
	 */
	Map<String, Object> check(String taskId, Map<String, Object> submitted) {
		return check(fields(taskId), submitted);
	}

	/** The start form of a process definition (none in the sample powers, but a power may have one). */
	public List<Field> startFields(String processDefinitionId) {
		var form = forms.getStartFormData(processDefinitionId);
		return form == null ? List.of() : form.getFormFields().stream().map(TaskForms::field).toList();
	}

	static Map<String, Object> check(List<Field> fields, Map<String, Object> submitted) {
		Map<String, Object> values = submitted == null ? Map.of() : submitted;
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> typed = new LinkedHashMap<>();
		for (String name : values.keySet()) {
			if (fields.stream().noneMatch(f -> f.id().equals(name))) {
				errors.add(new FieldError(name, "UNKNOWN", "'" + name + "' is not a field of this form", null));
			}
		}
		for (Field field : fields) {
			if (field.readonly()) {
				continue;
			}
			Object value = values.get(field.id());
			if (value instanceof String text && text.isBlank()) {
				value = null;
			}
			if (value == null) {
				if (field.required()) {
					errors.add(new FieldError(field.id(), "REQUIRED", label(field) + " is required", null));
				}
				continue;
			}
			convert(field, value, errors).ifPresent(converted -> typed.put(field.id(), converted));
		}
		if (!errors.isEmpty()) {
			throw new FormInvalidException(errors);
		}
		return typed;
	}

	private static Optional<Object> convert(Field field, Object value, List<FieldError> errors) {
		int before = errors.size();
		Object converted = switch (field.type()) {
			case "string" -> {
				if (!(value instanceof String text)) {
					errors.add(typeError(field, "text"));
					yield null;
				}
				else {
					String trimmed = text.trim();
					int max = field.maxlength() == null ? MAX_TEXT : Math.min(field.maxlength(), MAX_TEXT);
					if (field.minlength() != null && trimmed.length() < field.minlength()) {
						errors.add(new FieldError(field.id(), "MINLENGTH",
								label(field) + " needs at least " + field.minlength() + " characters", field.minlength()));
					}
					if (trimmed.length() > max) {
						errors.add(new FieldError(field.id(), "MAXLENGTH",
								label(field) + " allows at most " + max + " characters", max));
					}
					yield trimmed;
				}
			}
			case "long" -> {
				BigDecimal number = number(value);
				if (number == null || number.stripTrailingZeros().scale() > 0) {
					errors.add(typeError(field, "a whole number"));
					yield null;
				}
				if (field.min() != null && number.compareTo(field.min()) < 0) {
					errors.add(new FieldError(field.id(), "MIN", label(field) + " must be at least " + field.min(),
							field.min()));
				}
				if (field.max() != null && number.compareTo(field.max()) > 0) {
					errors.add(new FieldError(field.id(), "MAX", label(field) + " must be at most " + field.max(),
							field.max()));
				}
				try {
					yield number.longValueExact();
				}
				catch (ArithmeticException ex) {
					errors.add(typeError(field, "a whole number"));
					yield null;
				}
			}
			case "boolean" -> {
				if (value instanceof Boolean bool) {
					yield bool;
				}
				if ("true".equals(value) || "false".equals(value)) {
					yield Boolean.valueOf((String) value);
				}
				errors.add(typeError(field, "true or false"));
				yield null;
			}
			case "date" -> {
				try {
					LocalDate day = LocalDate.parse(String.valueOf(value).trim());
					yield Date.from(day.atStartOfDay(Cases.ZONE).toInstant());
				}
				catch (DateTimeParseException ex) {
					errors.add(typeError(field, "a date written yyyy-MM-dd"));
					yield null;
				}
			}
			case "enum" -> {
				if (value instanceof String id && field.options().stream().anyMatch(o -> o.id().equals(id))) {
					yield id;
				}
				errors.add(new FieldError(field.id(), "OPTION", label(field) + " must be one of "
						+ field.options().stream().map(Option::id).toList(), null));
				yield null;
			}
			default -> {
				if (value instanceof String || value instanceof Number || value instanceof Boolean) {
					yield value;
				}
				errors.add(typeError(field, "a plain value"));
				yield null;
			}
		};
		return errors.size() == before ? Optional.ofNullable(converted) : Optional.empty();
	}

	private static BigDecimal number(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String text) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static FieldError typeError(Field field, String expected) {
		return new FieldError(field.id(), "TYPE", label(field) + " must be " + expected, null);
	}

	private static String label(Field field) {
		return field.label() == null || field.label().isBlank() ? field.id() : field.label();
	}

	@SuppressWarnings("unchecked")
	private static Field field(FormField field) {
		boolean required = false;
		boolean readonly = false;
		BigDecimal min = null;
		BigDecimal max = null;
		Integer minlength = null;
		Integer maxlength = null;
		for (FormFieldValidationConstraint constraint : field.getValidationConstraints()) {
			Object config = constraint.getConfiguration();
			switch (constraint.getName()) {
				case "required" -> required = true;
				case "readonly" -> readonly = true;
				case "min" -> min = decimal(config);
				case "max" -> max = decimal(config);
				case "minlength" -> minlength = integer(config);
				case "maxlength" -> maxlength = integer(config);
				default -> {
					// Custom validators run in the engine when the form is submitted.
				}
			}
		}
		List<Option> options = List.of();
		if ("enum".equals(field.getTypeName()) && field.getType().getInformation("values") instanceof Map<?, ?> values) {
			options = ((Map<String, String>) values).entrySet()
				.stream()
				.map(e -> new Option(e.getKey(), e.getValue()))
				.toList();
		}
		Object value = field.getValue() == null ? null : field.getValue().getValue();
		if (value instanceof Date date) {
			value = date.toInstant().atZone(Cases.ZONE).toLocalDate().toString();
		}
		Object defaultValue = field.getDefaultValue() instanceof Date date
				? date.toInstant().atZone(Cases.ZONE).toLocalDate().toString() : field.getDefaultValue();
		return new Field(field.getId(), field.getLabel(), field.getTypeName(), required, readonly, min, max, minlength,
				maxlength, options, defaultValue, value);
	}

	private static BigDecimal decimal(Object config) {
		try {
			return config == null ? null : new BigDecimal(config.toString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(Object config) {
		BigDecimal number = decimal(config);
		return number == null ? null : number.intValue();
	}

}
