package org.sunlight.system;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API.md: instants travel as ISO-8601 with China Standard Time's offset
 * ({@code 2026-11-23T17:30:00+08:00}), whatever record carries them. Jackson writes an
 * {@link Instant} in UTC ({@code Z}) by itself, which left some responses in one form and some in
 * the other; this serializer makes every {@code Instant} in every response (and the live streams)
 * the same.
 */
@Configuration(proxyBeanMethods = false)
class ApiInstants {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	Jackson2ObjectMapperBuilderCustomizer instantsWithChinaOffset() {
		return builder -> builder.serializerByType(Instant.class, new AtChinaOffset());
	}

	static final class AtChinaOffset extends StdSerializer<Instant> {

		AtChinaOffset() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
			gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(CHINA)));
		}

	}

}
