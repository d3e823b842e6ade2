package org.sunlight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.support.Chromium;
import org.sunlight.support.RealServices;

/**
 * Runs the browser tests of {@code frontend/e2e} (playwright-core driving the machine's Chromium)
 * against this real server. Without Chromium or a built frontend they skip and say why, unless
 * CI requires them ({@code -Dsunlight.require.browser=true}). Time-dependent browser tests move the
 * engine clock through {@link EngineClock}, which exists only in this test's server.
 */
// The browsers are gone when this server stops: a graceful shutdown would only wait (up to 30 s)
// for event streams whose readers left without a word.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@Import(CatalogBrowserIT.EngineClock.class)
class CatalogBrowserIT {

	private static final Path FRONTEND = Path.of("frontend");

	@LocalServerPort
	int port;

	static Path chromium;

	@BeforeAll
	static void needsBrowserAndApp() {
		chromium = Chromium.find().orElse(null);
		require(chromium != null, "no Chromium found (install Debian's chromium package or set CHROMIUM_PATH)");
		require(Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
				"frontend dependencies are not installed (run mvn without -Dskip.npm)");
		require(CatalogBrowserIT.class.getResource("/static/index.html") != null,
				"the frontend is not built into the application (run mvn without -Dskip.npm)");
	}

	@Test
	void browserTestsPassAgainstTheRealServer() throws IOException, InterruptedException {
		// -Dsunlight.e2e=complaint.test.mjs,portal.test.mjs runs only those files (to try one's own).
		String only = System.getProperty("sunlight.e2e", "");
		List<String> command = new ArrayList<>(only.isBlank() ? List.of("npm", "run", "e2e") : List.of("node", "--test"));
		for (String file : only.isBlank() ? new String[0] : only.split(",")) {
			command.add("e2e/" + file.trim());
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(FRONTEND.toFile()).redirectErrorStream(true);
		builder.environment().put("SUNLIGHT_BASE_URL", "http://localhost:" + port);
		builder.environment().put("CHROMIUM_PATH", chromium.toString());
		File log = Files.createTempFile("sunlight-e2e", ".log").toFile();
		builder.redirectOutput(log);
		Process process = builder.start();
		boolean finished = process.waitFor(10, TimeUnit.MINUTES);
		String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
		System.out.println(output);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("browser tests finished within 10 minutes").isTrue();
		assertThat(process.exitValue()).as("browser tests (output above)").isZero();
	}

	private static void require(boolean condition, String why) {
		if (condition) {
			return;
		}
		if (RealServices.browserRequired()) {
			throw new IllegalStateException("browser tests are required but " + why);
		}
		Assumptions.abort("skipping browser tests: " + why);
	}

	/**
	 * Test only (never in the application): lets the browser tests set the engine clock, which
	 * then runs on from there, and run the timer jobs that are due, since the job executor is off
	 * in tests. Nested in a test class, so component scanning never finds it. Outside {@code /api},
	 * so the application's own rules are untouched; callers send HTTP Basic, which needs no CSRF token.
	 */
	@RestController
	@RequestMapping("/test-support")
	static class EngineClock {

		private final ManagementService management;

		EngineClock(ManagementService management) {
			this.management = management;
		}

		@PostMapping("/clock")
		Map<String, Object> set(@RequestParam String at) {
			long target = OffsetDateTime.parse(at).toInstant().toEpochMilli();
			ClockUtil.reset();
			ClockUtil.offset(target - System.currentTimeMillis());
			return Map.of("now", ClockUtil.getCurrentTime().toInstant().toString());
		}

		@DeleteMapping("/clock")
		Map<String, Object> reset() {
			ClockUtil.reset();
			return Map.of("now", ClockUtil.getCurrentTime().toInstant().toString());
		}

		@PostMapping("/jobs/due")
		Map<String, Object> runDueJobs() {
			List<Job> due = management.createJobQuery().executable().timers().list();
			due.forEach(job -> management.executeJob(job.getId()));
			return Map.of("executed", due.size());
		}

	}

}
