package org.sunlight.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.internal.ClockStore.StepClock;

/**
 * Within one transaction a clock is read from the database once and then remembered, with what the
 * transaction itself wrote; the memory ends with the transaction, commit or rollback, and a read
 * outside any transaction always goes to the database. Rows are removed behind the store's back
 * to tell a remembered clock from one read again.
 */
@SpringBootTest
class ClockStoreTests {

	private static final Instant START = Instant.parse("2026-03-02T01:00:00Z").truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	ClockStore clocks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aStepClockIsReadOncePerTransactionAndForgottenWithIt() {
		StepClock clock = step();
		clocks.insert(clock);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			assertThat(clocks.stepClock(clock.executionId())).contains(clock);
			jdbc.update("delete from sl_step_clock where execution_id = ?", clock.executionId());
			assertThat(clocks.stepClock(clock.executionId())).as("remembered from the first read").contains(clock);
		});
		tx.executeWithoutResult(status -> assertThat(clocks.stepClock(clock.executionId()))
			.as("read again in the next transaction")
			.isEmpty());
	}

	@Test
	void whatATransactionWritesItReadsBackAndAMovedClockIsReadAgain() {
		StepClock clock = step();
		CaseSchedule schedule = new CaseSchedule(clock.caseId(), "TEST-SEAL-001", "workday", "P3D", START,
				START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3)), true);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			clocks.insert(clock);
			clocks.insert(schedule, "definition:1");
			jdbc.update("delete from sl_step_clock where execution_id = ?", clock.executionId());
			jdbc.update("delete from sl_case_clock where case_id = ?", clock.caseId());
			assertThat(clocks.stepClock(clock.executionId())).contains(clock);
			assertThat(clocks.caseClock(clock.caseId())).contains(schedule);
			status.setRollbackOnly();
		});
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			clocks.insert(clock);
			clocks.insert(schedule, "definition:1");
			Instant later = clock.deadline().plus(Duration.ofDays(1));
			clocks.moveStep(clock.executionId(), clock.warnAt().plus(Duration.ofDays(1)), later);
			clocks.moveCase(clock.caseId(), schedule.warnAt(), later);
			assertThat(clocks.stepClock(clock.executionId())).get().extracting(StepClock::deadline).isEqualTo(later);
			assertThat(clocks.caseClock(clock.caseId())).get().extracting(CaseSchedule::deadline).isEqualTo(later);
			status.setRollbackOnly();
		});
	}

	@Test
	void aRolledBackInsertIsNotRemembered() {
		StepClock clock = step();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			clocks.insert(clock);
			status.setRollbackOnly();
		});
		tx.executeWithoutResult(status -> assertThat(clocks.stepClock(clock.executionId())).isEmpty());
	}

	@Test
	void aTransactionStartedInsideAnotherHasItsOwnMemory() {
		StepClock clock = step();
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		outer.executeWithoutResult(status -> {
			clocks.insert(clock);
			inner.executeWithoutResult(nested -> {
				assertThat(clocks.stepClock(clock.executionId())).as("the outer insert is not committed").isEmpty();
				StepClock other = step();
				clocks.insert(other);
				nested.setRollbackOnly();
			});
			jdbc.update("delete from sl_step_clock where execution_id = ?", clock.executionId());
			assertThat(clocks.stepClock(clock.executionId())).as("the outer memory is back").contains(clock);
			status.setRollbackOnly();
		});
	}

	@Test
	void aScopeBegunInThisTransactionHasOnlyTheClockItWrote() {
		StepClock before = step();
		clocks.insert(before);
		StepClock clock = step();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(clocks.stepClockOfNewScope(before.executionId())).as("not asked of the database").isEmpty();
			assertThat(clocks.caseClockOfNewCase(before.caseId())).isEmpty();
			clocks.insert(clock);
			assertThat(clocks.stepClockOfNewScope(clock.executionId())).contains(clock);
			status.setRollbackOnly();
		});
		// without a transaction to remember in, the database answers
		assertThat(clocks.stepClockOfNewScope(before.executionId())).contains(before);
		jdbc.update("delete from sl_step_clock where execution_id = ?", before.executionId());
	}

	@Test
	void outsideATransactionEveryReadGoesToTheDatabase() {
		StepClock clock = step();
		clocks.insert(clock);
		assertThat(clocks.stepClock(clock.executionId())).contains(clock);
		jdbc.update("delete from sl_step_clock where execution_id = ?", clock.executionId());
		assertThat(clocks.stepClock(clock.executionId())).isEmpty();
	}

	private static StepClock step() {
		String id = UUID.randomUUID().toString();
		return new StepClock(id, "case-" + id, "Task_Accept", "P1D", START, START.plus(Duration.ofHours(4)),
				START.plus(Duration.ofHours(8)), true);
	}

}
