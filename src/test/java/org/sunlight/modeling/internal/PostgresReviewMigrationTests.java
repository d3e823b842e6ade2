package org.sunlight.modeling.internal;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sunlight.support.PostgresDatabase;

/**
 * V31 on a PostgreSQL database that already has live versions: what Sunlight deployed itself is
 * recorded as approved by {@code system}, what a designer deployed before review existed as
 * approved by nobody, and the review and drawing tables are there.
 */
@PostgresTest
class PostgresReviewMigrationTests {

	@Test
	void existingVersionsKeepAnHonestApprover() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				PostgresDatabase.create("sunlight_review_migration"), PostgresDatabase.USER, "");
		migrate(dataSource, "30");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		insertVersion(jdbc, "XK-LAND-001", "system");
		insertVersion(jdbc, "TEST-OLD-001", "designer");

		migrate(dataSource, "latest");

		assertThat(jdbc.queryForObject("select approved_by from sl_power_version where power_code = 'XK-LAND-001'",
				String.class)).isEqualTo("system");
		assertThat(jdbc.queryForObject("select approved_by from sl_power_version where power_code = 'TEST-OLD-001'",
				String.class)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from sl_power_submission", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from sl_org_design", Integer.class)).isZero();
	}

	private static void insertVersion(JdbcTemplate jdbc, String code, String by) {
		jdbc.update("""
				insert into sl_power_version (power_code, version, process_key, process_definition_id, deployment_id,
				  source_sha256, source_xml, deployed_at, deployed_by)
				values (?, 1, ?, ?, ?, ?, '<definitions/>', ?, ?)""", code, code.toLowerCase(), code + ":1:x", code + "-d",
				"0".repeat(64), OffsetDateTime.now(), by);
	}

	/** Flyway with the application's locations and history table, up to {@code target}. */
	private static void migrate(DriverManagerDataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.table("sl_schema_history")
			.target(target)
			.load()
			.migrate();
	}

}
