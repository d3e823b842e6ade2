package org.sunlight.notification;

import org.sunlight.support.PostgresTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/**
 * Every outbox test of {@link NotificationOutboxTests} on the real PostgreSQL server: there the two
 * workers are two connections racing for the same rows under row locks.
 */
@PostgresTest
@DirtiesContext
class PostgresNotificationOutboxTests extends NotificationOutboxTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_notifications");
	}

}
