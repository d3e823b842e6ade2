package org.sunlight.risk;

/** Whether a point is in the power's live version ({@code ACTIVE}) or left it ({@code RETIRED}). */
public enum RiskStatus {
	ACTIVE, RETIRED
}
