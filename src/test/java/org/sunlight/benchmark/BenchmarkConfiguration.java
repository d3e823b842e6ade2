package org.sunlight.benchmark;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Adds the plain baseline's one-row listener to the engine of the benchmarks' contexts only. */
@TestConfiguration(proxyBeanMethods = false)
class BenchmarkConfiguration {

	@Bean
	PlainTimerRows plainTimerRows(ObjectProvider<JdbcTemplate> jdbc) {
		return new PlainTimerRows(jdbc);
	}

}
