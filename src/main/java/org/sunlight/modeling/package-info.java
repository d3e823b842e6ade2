/**
 * The {@code sl:} BPMN extension: validating a designer's drawing of a power, compiling it into an
 * executable, supervised process definition and deploying each version with its source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling")
package org.sunlight.modeling;
