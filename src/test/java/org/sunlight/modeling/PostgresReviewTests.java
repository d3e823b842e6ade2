package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;

/** The review tables of V31 and the path from submission to a live version on the real PostgreSQL server. */
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

}
