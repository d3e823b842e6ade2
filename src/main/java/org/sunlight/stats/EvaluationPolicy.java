package org.sunlight.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sunlight.evaluation.*}: the performance formula (docs/console.md). A department starts
 * at 100 and loses {@code overrunPenalty} points per percentage point of steps finished past
 * their limit, {@code redPenalty} per red alarm and {@code faultPenalty} per finding of fault;
 * never below 0. Grades: at least {@code excellent} 优秀, {@code good} 良好, {@code pass} 合格,
 * else 不合格.
 */
@ConfigurationProperties("sunlight.evaluation")
public record EvaluationPolicy(@DefaultValue("0.5") double overrunPenalty, @DefaultValue("2") double redPenalty,
		@DefaultValue("5") double faultPenalty, @DefaultValue("90") double excellent, @DefaultValue("80") double good,
		@DefaultValue("60") double pass) {

	public EvaluationPolicy {
		if (overrunPenalty < 0 || redPenalty < 0 || faultPenalty < 0) {
			throw new IllegalArgumentException("sunlight.evaluation penalties must not be negative");
		}
		if (!(excellent >= good && good >= pass && pass >= 0 && excellent <= 100)) {
			throw new IllegalArgumentException("sunlight.evaluation grades must satisfy 100 >= excellent >= good >= pass >= 0");
		}
	}

	public double score(StatRow row) {
		double overrunPoints = (1 - row.onTimeRate()) * 100;
		double score = 100 - overrunPenalty * overrunPoints - redPenalty * row.red() - faultPenalty * row.faults();
		return Math.max(0, Math.round(score * 10) / 10.0);
	}

	public Evaluation.Grade grade(double score) {
		if (score >= excellent) {
			return Evaluation.Grade.EXCELLENT;
		}
		if (score >= good) {
			return Evaluation.Grade.GOOD;
		}
		return score >= pass ? Evaluation.Grade.PASS : Evaluation.Grade.FAIL;
	}

}
