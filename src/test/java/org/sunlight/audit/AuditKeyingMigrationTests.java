package org.sunlight.audit;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Keying a chain sealed before keys existed, on H2. */
class AuditKeyingMigrationTests extends AuditKeyingMigrationContract {

	@DynamicPropertySource
	static void legacy(DynamicPropertyRegistry registry) {
		String url = "jdbc:h2:mem:audit-legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256";
		legacyDatabase(url, "sa");
		registry.add("spring.datasource.url", () -> url);
	}

}
