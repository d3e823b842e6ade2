package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * With the real job executor on an idle node: a timer that falls due is raised and reaches the
 * live stream promptly (issue: visible within 2 s), not after Camunda's default back-off.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext
class PromptEscalationTests {

	@LocalServerPort
	int port;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aDueTimerIsRaisedAndStreamedWithinTwoSeconds() throws Exception {
		String definition = deployment.deploy(Models.bytes("api/seal-engraving-permit.bpmn"), "test")
			.processDefinitionId();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/escalations/stream"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes()))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> stream = http.send(subscribe, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
		assertThat(events.readLine()).startsWith(":");

		// The case starts a week ago on the engine clock, so its first warning is already due
		// when the clock is set back to now: the executor must find it on an idle poll.
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(7))));
		String caseId = runtime.startProcessInstanceById(definition, "PROMPT-1").getId();
		ClockUtil.reset();
		Instant due = Instant.now();

		CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = events.readLine()) != null) {
					if (line.startsWith("data:") && line.contains(caseId)) {
						return line;
					}
				}
				return null;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		String data = firstEvent.get(10, TimeUnit.SECONDS);
		Duration latency = Duration.between(due, Instant.now());
		assertThat(data).contains("\"caseNumber\":\"PROMPT-1\"");
		assertThat(latency).as("due to streamed").isLessThan(Duration.ofSeconds(2));
		Integer rows = jdbc.queryForObject("select count(*) from sl_escalation where case_id = ?", Integer.class, caseId);
		assertThat(rows).isPositive();
		stream.body().close();
	}

}
