package org.sunlight.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.modeling.PowerVersions;

/**
 * Readiness says DOWN until the sample powers are deployed: the web server is already listening
 * then (so a load balancer asking it must be told to wait), and the API would answer an empty catalog.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ReadinessTests {

	@TestConfiguration
	static class Watch {

		final List<String> seen = new ArrayList<>();

		@EventListener
		void started(ApplicationStartedEvent event) {
			ApplicationAvailability availability = event.getApplicationContext().getBean(ApplicationAvailability.class);
			seen.add("started:" + availability.getReadinessState() + ":" + deployed(event.getApplicationContext()
				.getBean(PowerVersions.class)));
		}

		@EventListener
		void readiness(AvailabilityChangeEvent<ReadinessState> event) {
			if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
				seen.add("ready:" + deployed(((org.springframework.context.ApplicationContext) event.getSource())
					.getBean(PowerVersions.class)));
			}
		}

		private static long deployed(PowerVersions versions) {
			return samplePowerCodes().stream().filter(code -> versions.latest(code).isPresent()).count();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Watch watch;

	@Test
	void readinessWaitsForTheSamplePowers() throws Exception {
		int samples = samplePowerCodes().size();
		assertThat(samples).isGreaterThan(0);
		// Started (the web server listens) but refusing traffic, with no power deployed yet; ready
		// only once every sample power is.
		assertThat(watch.seen).containsExactly("started:REFUSING_TRAFFIC:0", "ready:" + samples);
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	/** The codes of the sample powers in processes/, read from their files. */
	static List<String> samplePowerCodes() {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(f -> f.toString().endsWith(".bpmn")).map(ReadinessTests::code).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String code(Path file) {
		try {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("sl:power[^>]*?\\scode=\"([^\"]+)\"")
				.matcher(Files.readString(file));
			if (!m.find()) {
				throw new IllegalStateException("no sl:power code in " + file);
			}
			return m.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
