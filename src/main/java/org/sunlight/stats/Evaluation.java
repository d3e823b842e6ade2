package org.sunlight.stats;

/** A department's performance score over a period, its grade and rank (1 = best). */
public record Evaluation(int rank, String department, String name, double score, Grade grade, long steps,
		double onTimeRate, long red, long faults) {

	/** 优秀, 良好, 合格, 不合格. */
	public enum Grade {
		EXCELLENT, GOOD, PASS, FAIL
	}

}
