package org.sunlight.audit;

import org.sunlight.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/** Keying a chain sealed before keys existed, on the real PostgreSQL server. */
@PostgresTest
class PostgresAuditKeyingMigrationTests extends AuditKeyingMigrationContract {

	@DynamicPropertySource
	static void legacy(DynamicPropertyRegistry registry) {
		String url = PostgresDatabase.register(registry, "sunlight_audit_legacy");
		legacyDatabase(url, PostgresDatabase.USER);
	}

}
