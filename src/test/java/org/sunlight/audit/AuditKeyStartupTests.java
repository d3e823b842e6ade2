package org.sunlight.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.sunlight.SunlightApplication;

/**
 * A production node (any profile set without demo) does not start without its audit key or its
 * checkpoint directory, and its failure says what to set.
 */
class AuditKeyStartupTests {

	@Test
	void aProductionNodeWithoutAnAuditKeyRefusesToStart() {
		assertThatThrownBy(() -> start("--sunlight.audit.key=")).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No audit key")
			.hasMessageContaining("SUNLIGHT_AUDIT_KEY");
	}

	@Test
	void aProductionNodeWithoutACheckpointDirectoryRefusesToStart() {
		assertThatThrownBy(() -> start("--sunlight.audit.checkpoints=")).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SUNLIGHT_AUDIT_CHECKPOINTS");
	}

	private static void start(String missing) {
		new SpringApplicationBuilder(SunlightApplication.class).profiles("production")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:audit-startup-" + UUID.randomUUID(),
					"--sunlight.admin.password=start-up-test", missing)
			.close();
	}

}
