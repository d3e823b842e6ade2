package org.sunlight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The follower hands out every committed record once, whatever order transactions commit in. */
class AuditFollowerTests {

	/** A trail whose records appear as their transactions commit, in any order. */
	private final List<AuditTrail.Entry> committed = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong();

	private final AuditFollower follower = new AuditFollower(this::after, 10, nanos::get, 1_000);

	@Test
	void handsOutNewRecordsOnceInInsertionOrder() {
		commit(11, 12);
		assertThat(seqs(follower.poll(100))).containsExactly(11L, 12L);
		assertThat(follower.poll(100)).isEmpty();
		commit(13);
		assertThat(seqs(follower.poll(100))).containsExactly(13L);
	}

	@Test
	void recordsBeforeTheStartAreNotHandedOut() {
		commit(9, 10, 11);
		assertThat(seqs(follower.poll(100))).containsExactly(11L);
	}

	@Test
	void aRecordCommittedAfterALaterOneIsStillHandedOut() {
		// 11 is inserted first but its transaction commits after 12's
		commit(12);
		assertThat(seqs(follower.poll(100))).containsExactly(12L);
		commit(11);
		assertThat(seqs(follower.poll(100))).containsExactly(11L);
		assertThat(follower.poll(100)).isEmpty();
	}

	@Test
	void aNumberThatNeverCommitsIsGivenUpAfterThePatience() {
		// 11 was rolled back: 12 is handed out at once, and 11 waited for until the patience runs out
		commit(12);
		assertThat(seqs(follower.poll(100))).containsExactly(12L);
		nanos.set(999);
		commit(13);
		assertThat(seqs(follower.poll(100))).containsExactly(13L);
		nanos.set(1_000);
		assertThat(follower.poll(100)).isEmpty();
		// Given up: the follower now reads from after 13 only.
		committed.removeIf(e -> e.seq() <= 13);
		commit(14);
		assertThat(seqs(follower.poll(100))).containsExactly(14L);
	}

	@Test
	void aLimitedReadCatchesUpOverSeveralPolls() {
		commit(11, 12, 13, 14, 15);
		assertThat(seqs(follower.poll(2))).containsExactly(11L, 12L);
		assertThat(seqs(follower.poll(2))).containsExactly(13L, 14L);
		assertThat(seqs(follower.poll(2))).containsExactly(15L);
	}

	private void commit(long... seqs) {
		for (long seq : seqs) {
			committed.add(new AuditTrail.Entry(seq, "ESCALATION_RAISED", "escalation", "e" + seq));
		}
	}

	private List<AuditTrail.Entry> after(long seq, int limit) {
		return committed.stream()
			.filter(e -> e.seq() > seq)
			.sorted((a, b) -> Long.compare(a.seq(), b.seq()))
			.limit(limit)
			.toList();
	}

	private static List<Long> seqs(List<AuditTrail.Entry> entries) {
		return entries.stream().map(AuditTrail.Entry::seq).toList();
	}

}
