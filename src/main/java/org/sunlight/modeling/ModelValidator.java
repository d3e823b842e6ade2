package org.sunlight.modeling;

/** Checks a designer's source model against every rule of BPMN-EXTENSION.md. */
public interface ModelValidator {

	/**
	 * @throws ModelRejectedException when the bytes are too large, hostile, not well-formed or not
	 * BPMN 2.0; every other finding is a {@link Problem} in the report
	 */
	ValidationReport validate(byte[] xml);

}
