package org.sunlight.supervision;

import org.sunlight.support.PostgresTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/** Every escalation path of {@link EscalationTimeTravelTests}, on the real PostgreSQL server. */
@PostgresTest
@DirtiesContext
class PostgresEscalationTimeTravelTests extends EscalationTimeTravelTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_escalations");
	}

}
