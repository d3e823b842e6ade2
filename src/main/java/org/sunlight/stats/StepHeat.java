package org.sunlight.stats;

/**
 * One step of a power version over a period: how often it ran, its median and 90th-percentile
 * working time, the shares that went yellow and red, and its colour by fixed thresholds.
 */
public record StepHeat(String stepId, String stepName, String timeLimit, long executions, Long medianSeconds,
		Long p90Seconds, double yellowRate, double redRate, Heat heat) {

	public enum Heat {
		GREEN, YELLOW, RED, NONE
	}

}
