package org.sunlight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar starts and deploys the sample powers. Everything else tests the classes
 * directory; inside the jar, resources are Spring Boot's nested: URLs, and the BPMN schema's
 * loading once refused them, so `java -jar` failed while every test passed.
 */
class PackagedJarIT {

	@TempDir
	Path workdir;

	@Test
	void theJarStartsAndDeploysTheSamplePowers() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter(f -> f.getFileName().toString().matches("sunlight-.*\\.jar")).findFirst().orElseThrow(
					() -> new IllegalStateException("no target/sunlight-*.jar: run mvn package first"));
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = workdir.resolve("jar.log");
		Process node = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--sunlight.processes.location=file:" + Path.of("processes").toAbsolutePath() + "/"))
			.directory(workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
			int readiness = 0;
			while (Instant.now().isBefore(giveUp) && node.isAlive() && (readiness = status(http, port,
					"/actuator/health/readiness")) != 200) {
				Thread.sleep(500);
			}
			assertThat(readiness).as("readiness; the jar's log:\n" + tail(log)).isEqualTo(200);
			HttpResponse<String> powers = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/api/public/powers")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(powers.statusCode()).isEqualTo(200);
			assertThat(powers.body()).contains("XK-LAND-001");
		}
		finally {
			node.destroy();
			if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
		}
	}

	private static int status(HttpClient http, int port, String path) throws InterruptedException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

}
