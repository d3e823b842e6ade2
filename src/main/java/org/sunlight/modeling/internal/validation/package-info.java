/**
 * The validator of BPMN-EXTENSION.md and the reader of the power a model describes. Refusals
 * (too large, hostile, not BPMN) are exceptions; every other finding is a {@link
 * org.sunlight.modeling.Problem} with a stable {@link ProblemCode}. Each rule is a small class of
 * its own; {@link ExpressionAllowList} is the one list of calls a model may contain.
 */
package org.sunlight.modeling.internal.validation;
