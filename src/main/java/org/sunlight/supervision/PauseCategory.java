package org.sunlight.supervision;

/**
 * The reasons the law lets a case's clock stop (DOMAIN.md): supplementary materials (补正),
 * hearings (听证), expert review (专家评审), testing or inspection (检验检测), public notice (公示),
 * and other statutory special procedures (其他特别程序).
 */
public enum PauseCategory {
	SUPPLEMENT, HEARING, EXPERT_REVIEW, TESTING, PUBLIC_NOTICE, OTHER
}
