package org.sunlight.risk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.UnaryOperator;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;

/**
 * The register's queries and history on the real PostgreSQL server. This server is configured
 * with a font path that does not exist, so its PDF export must answer 503, not a PDF of boxes.
 */
@DirtiesContext
class PostgresRiskRegisterTests extends RiskRegisterContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry, "sunlight_risk");
		registry.add("sunlight.risk.pdf-font", () -> "/nonexistent/NoSuchCJK.ttc");
	}

	@Test
	void withoutAChineseFontThePdfIsA503ThatSaysWhy() throws Exception {
		deploy(UnaryOperator.identity());
		mvc.perform(get("/api/risks/register.pdf").param("power", powerCode).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail", Matchers.containsString("/nonexistent/NoSuchCJK.ttc")))
			.andExpect(jsonPath("$.detail", Matchers.containsString("fonts-noto-cjk")));
	}

}
