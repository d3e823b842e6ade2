package org.sunlight.supervision;

/** Yellow warning (黄色预警) when a deadline nears, red alarm (红色警告) when it is missed. */
public enum EscalationLevel {
	YELLOW, RED
}
