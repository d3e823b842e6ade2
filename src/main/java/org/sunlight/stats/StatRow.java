package org.sunlight.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of one group (a department, person, power or month) over a period: finished steps,
 * those past their deadline (a step overrun counts even when its case finished on time), yellow
 * and red escalations, findings of fault; finished cases and those on time.
 */
public record StatRow(String key, String name, long steps, long overruns, long yellow, long red, long faults,
		long cases, long casesOnTime) {

	/** Steps finished within their limit, as a share of finished steps; 1 when none finished. */
	@JsonProperty
	public double onTimeRate() {
		return steps == 0 ? 1.0 : (double) (steps - overruns) / steps;
	}

	@JsonProperty
	public double caseOnTimeRate() {
		return cases == 0 ? 1.0 : (double) casesOnTime / cases;
	}

}
