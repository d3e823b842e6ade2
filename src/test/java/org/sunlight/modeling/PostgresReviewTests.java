package org.sunlight.modeling;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;
import org.sunlight.system.ConflictException;

/** The review tables of V31 and the path from submission to a live version on the real PostgreSQL server. */
@PostgresTest
@SpringBootTest
@DirtiesContext
class PostgresReviewTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_review");
	}

	@Autowired
	PowerReviews reviews;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSubmissionWaitsAndGoesLiveOnlyWhenASecondPersonApproves() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select approved_by from sl_power_version where power_code = 'XK-LAND-001'",
				String.class)).isEqualTo("system");
		byte[] model = Models.text("api/seal-engraving-permit.bpmn").replace("TEST-SEAL-001", "TEST-PG-REVIEW-001")
			.replace("seal_engraving_permit", "seal_pg_review").replace("public-security-bureau", "land-bureau")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		long deployments = repository.createDeploymentQuery().count();

		PowerReviews.Submitted submitted = reviews.submit(model, "designer");
		assertThat(submitted.status()).isEqualTo(ReviewStatus.IN_REVIEW);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThatThrownBy(() -> reviews.approve("TEST-PG-REVIEW-001", 1, "designer", null))
			.isInstanceOf(PowerForbiddenException.class);

		PowerVersion live = reviews.approve("TEST-PG-REVIEW-001", 1, "reviewer", "依据充分");
		assertThat(live.approvedBy()).isEqualTo("reviewer");
		assertThat(live.deployedBy()).isEqualTo("designer");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
		assertThat(reviews.find("TEST-PG-REVIEW-001", 1).status()).isEqualTo(ReviewStatus.APPROVED);
		assertThat(reviews.submit(model, "designer").version()).isEqualTo(2);
	}

	/**
	 * Two reviewers approve two versions of one power at the same moment: the lower one waits on its
	 * row, which the higher one's approval is superseding, then finds itself superseded (409); the
	 * higher one stays live.
	 */
	@Test
	void aLowerVersionApprovedAtTheSameMomentAsAHigherOneNeverGoesLiveAfterIt() throws Exception {
		byte[] model = Models.text("api/seal-engraving-permit.bpmn").replace("TEST-SEAL-001", "TEST-PG-RACE-001")
			.replace("seal_engraving_permit", "seal_pg_race").replace("public-security-bureau", "land-bureau")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int lower = reviews.submit(model, "designer").version();
		int higher = reviews.submit(model, "designer").version();
		CountDownLatch higherApproved = new CountDownLatch(1);
		CompletableFuture<Throwable> lowerOutcome = new CompletableFuture<>();
		Thread first = new Thread(() -> transactions.executeWithoutResult(status -> {
			reviews.approve("TEST-PG-RACE-001", higher, "reviewer", null);
			higherApproved.countDown();
			// Hold the transaction open while the other approval starts.
			waitUntilBlocked(lowerOutcome);
		}));
		first.start();
		higherApproved.await();
		Thread second = new Thread(() -> {
			try {
				reviews.approve("TEST-PG-RACE-001", lower, "reviewer", null);
				lowerOutcome.complete(null);
			}
			catch (Throwable ex) {
				lowerOutcome.complete(ex);
			}
		}, "second-approval");
		second.start();
		first.join(30_000);
		assertThat(lowerOutcome.get(30, TimeUnit.SECONDS))
			.isInstanceOf(ConflictException.class);
		assertThat(jdbc.queryForObject("select max(version) from sl_power_version where power_code = 'TEST-PG-RACE-001'",
				Integer.class)).isEqualTo(higher);
		assertThat(reviews.find("TEST-PG-RACE-001", lower).status()).isEqualTo(ReviewStatus.SUPERSEDED);
	}

	/** Returns once the second approval waits on a lock (or has finished, which would be the bug). */
	private void waitUntilBlocked(CompletableFuture<Throwable> lowerOutcome) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline && !lowerOutcome.isDone()) {
			if (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
					+ " and datname = current_database()", Integer.class) > 0) {
				return;
			}
			Thread.onSpinWait();
		}
	}

}
