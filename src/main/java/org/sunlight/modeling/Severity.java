package org.sunlight.modeling;

/** Errors block deployment; warnings are reported and deployable. */
public enum Severity {
	ERROR, WARNING
}
