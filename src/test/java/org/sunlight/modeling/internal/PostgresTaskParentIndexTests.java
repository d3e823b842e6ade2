package org.sunlight.modeling.internal;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/**
 * A node starting beside a busy one: the index is there already, so the start leaves
 * {@code act_ru_task} alone. {@code create index} takes a lock that waits for every transaction
 * writing tasks on the other node, and holds up every later one behind it, even when it would
 * then find the index there.
 */
@PostgresTest
@SpringBootTest
@DirtiesContext
class PostgresTaskParentIndexTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_task_parent");
	}

	@Autowired
	TaskParentIndexPlugin plugin;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLaterStartDoesNotWaitForTransactionsWritingTasks() throws Exception {
		assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
				TaskParentIndexPlugin.INDEX)).isOne();
		try (Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (Statement statement = otherNode.createStatement()) {
				// what an open transaction that writes a task holds
				statement.execute("lock table act_ru_task in row exclusive mode");
			}
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> plugin.postProcessEngineBuild(engine));
			otherNode.rollback();
		}
	}

}
