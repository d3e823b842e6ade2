package org.sunlight.modeling.internal.validation;

import java.time.Duration;

/**
 * How often a model may make the engine repeat work: a designer's timer cycle or multi-instance
 * loop is bounded, so that no model can keep the job executor or the task tables busy for every
 * other power (configured as {@code sunlight.modeling.*}).
 *
 * @param maxLoopCardinality the largest {@code loopCardinality} of a multi-instance step
 * @param maxTimerRepeats the largest repeat count {@code n} of a timer cycle {@code Rn/…}
 * @param minTimerInterval the shortest interval of a timer cycle
 */
public record ModelBounds(int maxLoopCardinality, int maxTimerRepeats, Duration minTimerInterval) {

	public static final ModelBounds DEFAULTS = new ModelBounds(100, 100, Duration.ofHours(1));

	public ModelBounds {
		if (maxLoopCardinality < 1 || maxTimerRepeats < 1 || minTimerInterval.isNegative() || minTimerInterval.isZero()) {
			throw new IllegalArgumentException("model bounds must be positive: " + maxLoopCardinality + ", "
					+ maxTimerRepeats + ", " + minTimerInterval);
		}
	}

}
