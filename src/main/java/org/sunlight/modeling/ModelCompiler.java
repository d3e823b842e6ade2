package org.sunlight.modeling;

/**
 * Turns a valid source model into the executable one: a pure, deterministic and idempotent
 * function of the source bytes.
 */
public interface ModelCompiler {

	byte[] compile(byte[] sourceXml);

}
