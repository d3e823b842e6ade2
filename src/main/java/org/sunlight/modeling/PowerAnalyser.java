package org.sunlight.modeling;

/**
 * Measures a (valid) source model the way the validator reads it: the figures a reengineering
 * comparison needs and a fingerprint of every element, so two versions can be compared.
 */
public interface PowerAnalyser {

	/**
	 * @throws ModelRejectedException when the bytes are not a safe BPMN model
	 * @throws IllegalArgumentException when the model has no executable process
	 */
	PowerAnalysis analyse(byte[] xml);

}
