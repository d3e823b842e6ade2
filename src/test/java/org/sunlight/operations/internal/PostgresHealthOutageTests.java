package org.sunlight.operations.internal;

import org.sunlight.support.PostgresTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.support.PostgresDatabase;
import org.sunlight.support.TcpProxy;

/**
 * Health answers within a second while PostgreSQL is away. The database is reached through a proxy
 * that the test makes silent, as a database behind a dropped link is: connections neither answer
 * nor fail, which is what made the stock check hang for the pool's 30 s.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresHealthOutageTests {

	static TcpProxy proxy;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		String url = PostgresDatabase.create("sunlight_health");
		URI direct = URI.create(url.substring("jdbc:".length()));
		proxy = new TcpProxy(direct.getHost(), direct.getPort());
		String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + direct.getPath();
		registry.add("spring.datasource.url", () -> proxied);
		registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void closeProxy() throws Exception {
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	void healthAndReadinessAnswerWithinASecondWhileTheDatabaseIsAway() throws Exception {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		proxy.hold();
		try {
			for (String path : new String[] { "/actuator/health", "/actuator/health", "/actuator/health/readiness",
					"/actuator/health/readiness", "/actuator/health/liveness" }) {
				long start = System.nanoTime();
				HttpResponse<String> response = get(path);
				long millis = (System.nanoTime() - start) / 1_000_000;
				assertThat(millis).as(path + " answered in " + millis + " ms").isLessThan(1000);
				// Liveness does not depend on the database: restarting the node would not bring it back.
				assertThat(response.statusCode()).as(path).isEqualTo(path.endsWith("liveness") ? 200 : 503);
			}
		}
		finally {
			proxy.release();
		}
		// Back once the database answers again, with no restart.
		long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		int status = 0;
		while (System.nanoTime() < until && (status = get("/actuator/health").statusCode()) != 200) {
			Thread.onSpinWait();
		}
		assertThat(status).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
