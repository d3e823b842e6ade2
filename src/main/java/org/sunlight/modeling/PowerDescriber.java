package org.sunlight.modeling;

/** Reads the catalog entry and steps of a power from its (valid) source model. */
public interface PowerDescriber {

	PowerDescription describe(byte[] xml);

}
