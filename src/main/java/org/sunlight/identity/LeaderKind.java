package org.sunlight.identity;

/** 主要领导 and 分管领导 of a unit; department heads are kept on their department. */
public enum LeaderKind {
	PRINCIPAL, DEPUTY
}
