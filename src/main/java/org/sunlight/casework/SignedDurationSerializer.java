package org.sunlight.casework;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes an overdue (negative) duration as {@code -PT1H}, not Java's {@code PT-1H}. */
class SignedDurationSerializer extends StdSerializer<Duration> {

	SignedDurationSerializer() {
		super(Duration.class);
	}

	@Override
	public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
		json.writeString(value.isNegative() ? "-" + value.negated() : value.toString());
	}

}
