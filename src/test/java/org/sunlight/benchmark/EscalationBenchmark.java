package org.sunlight.benchmark;

/** The benchmark on the test default database: a private in-memory H2 (see {@link BenchmarkRun}). */
class EscalationBenchmark extends BenchmarkRun {

	@Override
	String database() {
		return "H2";
	}

}
