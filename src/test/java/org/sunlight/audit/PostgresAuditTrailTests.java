package org.sunlight.audit;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sunlight.audit.internal.Checkpoints;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/**
 * The audit trail on the real PostgreSQL server: timestamps survive the round trip into the
 * hash, and sealers racing from several threads (as from several nodes) build one chain.
 */
@PostgresTest
@DirtiesContext
class PostgresAuditTrailTests extends AuditTrailTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_audit");
	}

	@Test
	void sealersRacingFromManyThreadsBuildOneUnbrokenChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				work.add(pool.submit((Callable<Void>) () -> {
					for (int i = 0; i < 25; i++) {
						int n = i;
						transactions.executeWithoutResult(status -> trail.record(AuditAction.TASK_CLAIMED,
								"handler" + w, "task", "race-" + w + "-" + n, Map.of("n", n)));
						trail.seal();
					}
					return null;
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		trail.seal();
		AuditTrail.Verification result = trail.verify();
		assertThat(result.valid()).as("%s", result.firstBroken()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from sl_audit_record where subject_id like 'race-%'",
				Integer.class)).isEqualTo(100);
		assertThat(jdbc.queryForObject("select count(*) from sl_audit_record where chain_pos is null", Integer.class))
			.isZero();
	}

	@Test
	void twoNodesCheckpointingIntoOneDirectoryWriteEachPositionOnceAndAgree() throws Exception {
		// A second node: the same database, key and checkpoint directory, its own sealer (not a
		// Spring bean, so its seals get their transaction from the template).
		AuditTrail otherNode = new AuditTrail(store, key, checkpoints, check);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (AuditTrail node : List.of(trail, otherNode)) {
				work.add(pool.submit((Callable<Void>) () -> {
					for (int i = 0; i < 20; i++) {
						int n = i;
						transactions.executeWithoutResult(status -> node.record(AuditAction.TASK_CLAIMED, "handler1",
								"task", "checkpoint-race-" + n, Map.of("n", n)));
						transactions.executeWithoutResult(status -> node.seal());
						assertThat(node.checkpoint()).isPresent();
					}
					return null;
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<Checkpoints.Read> files = checkpoints.read();
		assertThat(files).allMatch(Checkpoints.Read::signed);
		assertThat(files).extracting(Checkpoints.Read::namedPos).doesNotHaveDuplicates();
		for (Checkpoints.Read file : files) {
			if (file.namedPos() > 0) {
				assertThat(store.hashAt(file.namedPos())).isEqualTo(file.checkpoint().hash());
			}
		}
		AuditTrail.Verification result = trail.verify();
		assertThat(result.valid()).as("%s", result.firstBroken()).isTrue();
	}

}
