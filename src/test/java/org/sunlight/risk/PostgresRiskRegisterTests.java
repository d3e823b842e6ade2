package org.sunlight.risk;

import org.sunlight.support.PostgresTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.SunlightApplication;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;
import org.sunlight.support.PostgresDatabase;

/**
 * The register's queries and history on the real PostgreSQL server. This server is configured
 * with a font path that does not exist, so its PDF export must answer 503, not a PDF of boxes.
 */
@PostgresTest
@DirtiesContext
class PostgresRiskRegisterTests extends RiskRegisterContract {

	static String url;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = PostgresDatabase.register(registry, "sunlight_risk");
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

	/**
	 * Versions the register has not seen (as before the module existed) are taken in by a second
	 * node starting on the same database; this node's back-fill then finds nothing to do, and a
	 * version the second node deploys is in the register this node reads.
	 */
	@Test
	void aSecondNodeBackFillsOnceAndItsDeploymentsReachTheRegister() throws Exception {
		deploy(UnaryOperator.identity());
		revise();
		jdbc.update("delete from sl_risk_point_history where point_id in (select id from sl_risk_point where power_code = ?)",
				powerCode);
		jdbc.update("delete from sl_risk_point where power_code = ?", powerCode);
		jdbc.update("delete from sl_risk_power where power_code = ?", powerCode);

		try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(SunlightApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password=",
					"--camunda.bpm.job-execution.enabled=false")) {
			context.getBean("riskProjection", ApplicationRunner.class).run(null);
			String all = register("supervisor", Map.of("power", powerCode, "status", "all"))
				.andExpect(jsonPath("$.total").value(3))
				.andReturn().getResponse().getContentAsString();
			assertThat(changes(point(all, code(1)))).containsExactly("ADDED@1", "RETIRED@2");
			assertThat(changes(point(all, code(2)))).containsExactly("ADDED@1", "CHANGED@2");
			assertThat(changes(point(all, code(3)))).containsExactly("ADDED@2");

			secondNode.getBean(PowerDeployment.class)
				.deploy(Models.text("api/seal-engraving-permit.bpmn")
					.replace("code=\"TEST-SEAL-001\"", "code=\"" + powerCode + "\"")
					.replace("department=\"public-security-bureau\"", "department=\"" + department + "\"")
					.replace("id=\"seal_engraving_permit\"", "id=\"test_risk_" + suffix + "\"")
					.replace("R-SEAL-", "R-" + suffix + "-")
					.getBytes(StandardCharsets.UTF_8), "test");
		}
		String restored = register("supervisor", Map.of("power", powerCode, "status", "all"))
			.andReturn().getResponse().getContentAsString();
		assertThat(changes(point(restored, code(1)))).containsExactly("ADDED@1", "RETIRED@2", "RESTORED@3");
	}

}
