package org.sunlight.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sunlight.audit.AuditCheckpoint;
import org.sunlight.audit.AuditTrail;

/** The administrator's two time rules: when the job backlog and the audit checkpoints count as stuck. */
class HomeSectionsTests {

	private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	@Test
	void aDueJobIsABacklogOnlyAfterFiveMinutes() {
		assertThat(HomeSections.backlogged(null, NOW)).isFalse();
		assertThat(HomeSections.backlogged(NOW.minusSeconds(299), NOW)).isFalse();
		assertThat(HomeSections.backlogged(NOW.minusSeconds(301), NOW)).isTrue();
	}

	@Test
	void checkpointsAreStaleWhenSealedRecordsStayUnsignedForTenMinutes() {
		assertThat(HomeSections.stale(progress(100, 100, NOW.minusSeconds(3600)), NOW))
			.as("nothing beyond the checkpoint, however old").isFalse();
		assertThat(HomeSections.stale(progress(120, 100, NOW.minusSeconds(30)), NOW))
			.as("a few seconds' lag").isFalse();
		assertThat(HomeSections.stale(progress(120, 100, NOW.minusSeconds(601)), NOW)).isTrue();
		assertThat(HomeSections.stale(new AuditTrail.Progress(5, 0, null), NOW)).as("sealed, never signed").isTrue();
		assertThat(HomeSections.stale(new AuditTrail.Progress(0, 3, null), NOW)).as("an empty chain").isFalse();
	}

	private static AuditTrail.Progress progress(long sealedTo, long signed, Instant signedAt) {
		return new AuditTrail.Progress(sealedTo, 0, new AuditCheckpoint(signed, "h", 1, signedAt, "k"));
	}

}
