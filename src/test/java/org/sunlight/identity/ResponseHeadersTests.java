package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every answer of the real server (Tomcat, Spring Security, the SPA, the API) carries the
 * browser-hardening headers; user content (models, attachments, exports) is an inert download;
 * both cookies are SameSite=Strict. Read over HTTP, as a browser sees them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class ResponseHeadersTests {

	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	static final String SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

	/** A person of each role, to call every endpoint with one its rule lets through. */
	static final Map<String, String> PEOPLE = AccessMatrixTests.PEOPLE;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyPageCarriesTheHeaders() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String path : List.of("/", "/index.html", "/catalog", "/designer", "/designer/drafts/x", "/tasks",
				"/console", "/login", "/favicon.svg", "/assets/none.js", "/no-such-page", "/actuator/health")) {
			HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"));
			response.body().close();
			pageHeaders("GET " + path, response, wrong);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyApiAnswerCarriesTheHeadersForEveryoneAndAnonymously() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String endpoint : AccessMatrixTests.endpoints(mappings)) {
			String[] parts = endpoint.split(" ", 2);
			String path = parts[1].replaceAll("\\{year}", "2031").replaceAll("\\{[^}]+}", "headers-none");
			Set<String> allowed = AccessMatrixTests.RULES.getOrDefault(endpoint, Set.of());
			String person = allowed.stream().sorted().map(PEOPLE::get).findFirst().orElse("admin");
			for (String user : new String[] { person, null }) {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
					.method(parts[0], HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json");
				if (user != null) {
					request.header("Authorization", basic(user));
				}
				HttpResponse<InputStream> response = send(request);
				response.body().close();
				pageHeaders(endpoint + " as " + (user == null ? "anonymous" : user) + " (" + response.statusCode() + ")",
						response, wrong);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void modelsAttachmentsAndExportsAreInertDownloads() throws Exception {
		String code = JsonPath.read(body(get("/api/powers", "designer")), "$[0].code");
		for (String query : List.of("", "?compiled=true", "?version=1")) {
			HttpResponse<InputStream> model = get("/api/powers/" + code + "/bpmn" + query, "handler1");
			assertThat(model.statusCode()).isEqualTo(200);
			inert(model, code + "-v");
		}

		String started = body(send(HttpRequest.newBuilder(uri("/api/cases"))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"powerCode\":\"XK-LAND-001\",\"applicant\":{\"name\":\"某某置业有限公司\"}}"))
			.header("Content-Type", "application/json")
			.header("Authorization", basic("handler1"))));
		String caseId = JsonPath.read(started, "$.caseId");
		// A page in disguise: text/plain is an allowed kind, and its content is not checked.
		String html = "<html><script>document.title='ran'</script></html>";
		String attached = body(send(HttpRequest.newBuilder(
				uri("/api/cases/" + caseId + "/attachments?name=" + URLEncoder.encode("页面.html", StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(html))
			.header("Content-Type", "text/plain")
			.header("Authorization", basic("handler1"))));
		String attachmentId = JsonPath.read(attached, "$.id");
		HttpResponse<InputStream> file = get("/api/cases/" + caseId + "/attachments/" + attachmentId, "handler1");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
		inert(file, "UTF-8''%E9%A1%B5%E9%9D%A2.html");

		for (String export : List.of("csv", "xlsx")) {
			HttpResponse<InputStream> stats = get("/api/console/statistics." + export, "supervisor");
			assertThat(stats.statusCode()).isEqualTo(200);
			inert(stats, "sunlight-statistics-");
		}
	}

	@Test
	void theSessionAndTheCsrfCookiesAreSameSiteStrict() throws Exception {
		HttpResponse<InputStream> first = send(HttpRequest.newBuilder(uri("/api/me")).header("X-Requested-With",
				"XMLHttpRequest"));
		String csrf = cookie(first, "XSRF-TOKEN");
		assertThat(csrf).containsIgnoringCase("SameSite=Strict");
		String token = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));

		HttpResponse<InputStream> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.POST(HttpRequest.BodyPublishers.ofString("username=handler1&password=demo"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "XSRF-TOKEN=" + token)
			.header("X-XSRF-TOKEN", token));
		assertThat(signedIn.statusCode()).isEqualTo(200);
		String session = cookie(signedIn, "JSESSIONID");
		assertThat(session).containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly");
		List<String> wrong = new ArrayList<>();
		pageHeaders("POST /login", signedIn, wrong);
		assertThat(wrong).isEmpty();
	}

	private void inert(HttpResponse<InputStream> response, String fileName) {
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains(fileName));
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(SANDBOX_POLICY);
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
	}

	/** A download keeps its stricter sandbox; everything else gets the app's page policy. */
	private static void pageHeaders(String what, HttpResponse<?> response, List<String> wrong) {
		boolean download = response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment");
		Map<String, String> expected = Map.of("Content-Security-Policy", download ? SANDBOX_POLICY : PAGE_POLICY,
				"X-Frame-Options", "DENY",
				"X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cross-Origin-Opener-Policy",
				"same-origin", "Cross-Origin-Resource-Policy", "same-origin");
		expected.forEach((header, value) -> {
			List<String> values = response.headers().allValues(header);
			if (!values.equals(List.of(value))) {
				wrong.add(what + ": " + header + " " + values);
			}
		});
		String permissions = response.headers().firstValue("Permissions-Policy").orElse("");
		if (!permissions.contains("camera=()") || !permissions.contains("geolocation=()")) {
			wrong.add(what + ": Permissions-Policy " + permissions);
		}
	}

	private String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}

	private HttpResponse<InputStream> get(String path, String user) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)));
	}

	/** Headers only for event streams, which never end by themselves; the whole body for the rest. */
	private HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	private static String body(HttpResponse<InputStream> response) throws IOException {
		try (InputStream in = response.body()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response.statusCode()).as(text).isBetween(200, 299);
			return text;
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

}
