package org.sunlight.benchmark;

import org.sunlight.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/** The benchmark on a fresh database of the local PostgreSQL server (see {@link BenchmarkRun}). */
@PostgresTest
class PostgresEscalationBenchmark extends BenchmarkRun {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_bench");
	}

	@Override
	String database() {
		return "PostgreSQL";
	}

	@Override
	boolean postgres() {
		return true;
	}

}
