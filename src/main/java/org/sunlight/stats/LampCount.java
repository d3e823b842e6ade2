package org.sunlight.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Open steps or cases under one key (a department or a power) by lamp. */
public record LampCount(String key, String name, long green, long yellow, long red, long paused) {

	@JsonProperty
	public long total() {
		return green + yellow + red + paused;
	}

}
