package org.sunlight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunlight.modeling.PowerDeployment;

/**
 * Every endpoint × every role × anonymous, generated from the application's own endpoint list:
 * an endpoint missing from {@link #RULES} fails the test, so none can be added without a rule.
 * A role the rule does not name must be refused by the role rule (403, or 401 anonymously), and
 * a role it names must get past it (whatever the dummy ids then lead to: 400, 404, 409...).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

	static final String ANONYMOUS = "anonymous";
	static final Set<String> EVERYONE = Set.of("ADMIN", "DESIGNER", "REVIEWER", "HANDLER", "SUPERVISOR",
			"LEADER");

	/** Who may call what: "METHOD /pattern" → the roles let through. */
	static final Map<String, Set<String>> RULES = new TreeMap<>(Map.ofEntries(
			Map.entry("GET /api/me", EVERYONE),
			Map.entry("GET /api/home", EVERYONE),
			Map.entry("GET /api/inbox/extensions", Set.of("LEADER")),
			Map.entry("GET /api/inbox/orders/issued", Set.of("SUPERVISOR")),
			Map.entry("GET /api/inbox/orders/replied", Set.of("HANDLER")),
			Map.entry("GET /api/inbox/done", Set.of("HANDLER")),
			Map.entry("POST /api/models/validate", Set.of("DESIGNER")),
			Map.entry("POST /api/models", Set.of("DESIGNER")),
			Map.entry("GET /api/designer/drafts", Set.of("DESIGNER", "ADMIN")),
			Map.entry("GET /api/designer/drafts/{id}", Set.of("DESIGNER", "ADMIN")),
			Map.entry("POST /api/designer/drafts", Set.of("DESIGNER")),
			Map.entry("PUT /api/designer/drafts/{id}", Set.of("DESIGNER")),
			Map.entry("DELETE /api/designer/drafts/{id}", Set.of("DESIGNER")),
			Map.entry("POST /api/designer/drafts/{id}/deploy", Set.of("DESIGNER")),
			Map.entry("POST /api/designer/imports", Set.of("DESIGNER")),
			Map.entry("GET /api/designer/powers/{code}/comparison", Set.of("DESIGNER", "REVIEWER", "ADMIN")),
			Map.entry("POST /api/powers/{code}/versions/{version}/approve", Set.of("REVIEWER")),
			Map.entry("POST /api/powers/{code}/versions/{version}/reject", Set.of("REVIEWER")),
			Map.entry("GET /api/reviews", Set.of("REVIEWER", "DESIGNER")),
			Map.entry("GET /api/reviews/{code}/{version}", Set.of("REVIEWER", "DESIGNER")),
			Map.entry("GET /api/reviews/{code}/{version}/bpmn", Set.of("REVIEWER", "DESIGNER")),
			Map.entry("GET /api/designer/org", Set.of("DESIGNER", "ADMIN")),
			Map.entry("GET /api/powers", EVERYONE),
			Map.entry("GET /api/powers/{code}", EVERYONE),
			Map.entry("GET /api/powers/{code}/bpmn", EVERYONE),
			Map.entry("POST /api/cases", Set.of("HANDLER")),
			Map.entry("GET /api/cases/{caseId}", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/cases/{caseId}/clock", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("POST /api/cases/{caseId}/clock/suspend", Set.of("HANDLER")),
			Map.entry("POST /api/cases/{caseId}/clock/resume", Set.of("HANDLER")),
			Map.entry("POST /api/cases/{caseId}/extensions", Set.of("HANDLER")),
			Map.entry("POST /api/cases/{caseId}/extensions/approve", Set.of("LEADER")),
			Map.entry("POST /api/cases/{caseId}/extensions/reject", Set.of("LEADER")),
			Map.entry("GET /api/tasks", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/cases/startable", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/tasks/{taskId}", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/tasks/stream", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/orders", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/cases/{caseId}/comments", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("POST /api/cases/{caseId}/comments", Set.of("HANDLER")),
			Map.entry("GET /api/cases/attachment-rules", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("GET /api/cases/{caseId}/attachments", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("POST /api/cases/{caseId}/attachments", Set.of("HANDLER")),
			Map.entry("GET /api/cases/{caseId}/attachments/{attachmentId}", Set.of("HANDLER", "SUPERVISOR", "LEADER")),
			Map.entry("POST /api/tasks/{taskId}/claim", Set.of("HANDLER")),
			Map.entry("POST /api/tasks/{taskId}/unclaim", Set.of("HANDLER")),
			Map.entry("POST /api/tasks/{taskId}/complete", Set.of("HANDLER")),
			Map.entry("POST /api/tasks/{taskId}/reassign", Set.of("HANDLER")),
			Map.entry("GET /api/escalations", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/escalations/stream", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("POST /api/escalations/{id}/acknowledge", Set.of("SUPERVISOR")),
			Map.entry("POST /api/escalations/{id}/orders", Set.of("SUPERVISOR")),
			Map.entry("POST /api/escalations/{id}/findings", Set.of("SUPERVISOR")),
			Map.entry("GET /api/console/board", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/paused", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/statistics", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/statistics.csv", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/statistics.xlsx", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/evaluation", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/console/heatmap", Set.of("SUPERVISOR", "LEADER", "ADMIN")),
			Map.entry("GET /api/audit", Set.of("SUPERVISOR", "ADMIN")),
			Map.entry("GET /api/audit/verify", Set.of("SUPERVISOR", "ADMIN")),
			Map.entry("POST /api/audit/checkpoints", Set.of("ADMIN")),
			Map.entry("GET /api/org", Set.of("ADMIN", "DESIGNER", "REVIEWER", "SUPERVISOR", "LEADER")),
			Map.entry("POST /api/org/units", Set.of("ADMIN")),
			Map.entry("PUT /api/org/units/{id}", Set.of("ADMIN")),
			Map.entry("PUT /api/org/units/{id}/leaders", Set.of("ADMIN")),
			Map.entry("POST /api/org/departments", Set.of("ADMIN")),
			Map.entry("PUT /api/org/departments/{id}", Set.of("ADMIN")),
			Map.entry("POST /api/org/posts", Set.of("ADMIN")),
			Map.entry("POST /api/org/people", Set.of("ADMIN")),
			Map.entry("PUT /api/org/people/{username}", Set.of("ADMIN")),
			Map.entry("POST /api/org/people/{username}/unlock", Set.of("ADMIN")),
			Map.entry("PUT /api/org/supervisors/{username}", Set.of("ADMIN")),
			Map.entry("PUT /api/org/designers/{username}", Set.of("ADMIN")),
			Map.entry("GET /api/risks", Set.of("SUPERVISOR", "LEADER", "DESIGNER", "ADMIN")),
			Map.entry("GET /api/risks/register.xlsx", Set.of("SUPERVISOR", "LEADER", "DESIGNER", "ADMIN")),
			Map.entry("GET /api/risks/register.pdf", Set.of("SUPERVISOR", "LEADER", "DESIGNER", "ADMIN")),
			Map.entry("GET /api/calendar/deadline", EVERYONE),
			Map.entry("GET /api/calendar/days", EVERYONE),
			Map.entry("GET /api/calendar/years", EVERYONE),
			Map.entry("PUT /api/calendar/days/{year}", Set.of("ADMIN")),
			Map.entry("GET /api/notifications", EVERYONE),
			Map.entry("GET /api/notifications/unread-count", EVERYONE),
			Map.entry("GET /api/notifications/stream", EVERYONE),
			Map.entry("POST /api/notifications/{id}/read", EVERYONE),
			Map.entry("POST /api/notifications/read-all", EVERYONE),
			Map.entry("GET /api/notifications/preferences", EVERYONE),
			Map.entry("PUT /api/notifications/preferences", EVERYONE),
			Map.entry("GET /api/notifications/failed", Set.of("ADMIN")),
			Map.entry("POST /api/notifications/failed/{id}/retry", Set.of("ADMIN"))));

	/** What an endpoint with a path id does with another's object (see {@link #everyObjectIsReachedOnlyByThoseItBelongsTo}). */
	enum Reach {
		/** Only objects in the caller's scope: their cases and tasks, their departments' escalations. */
		OWN,
		/** By design every caller the role rule admits: the published catalog, designers' shared drafts. */
		SHARED,
		/** The organisation's and the calendar's, kept by administrators for everyone: no owner. */
		GLOBAL,
		/** A person's own, such as their notifications: another's is not found (404), its id telling nothing. */
		PERSONAL
	}

	/** Every endpoint with a path id: "METHOD /pattern" → whose objects it reaches. */
	static final Map<String, Reach> OBJECTS = new TreeMap<>(Map.ofEntries(
			Map.entry("GET /api/designer/drafts/{id}", Reach.SHARED),
			Map.entry("PUT /api/designer/drafts/{id}", Reach.SHARED),
			Map.entry("DELETE /api/designer/drafts/{id}", Reach.SHARED),
			Map.entry("POST /api/designer/drafts/{id}/deploy", Reach.SHARED),
			Map.entry("GET /api/designer/powers/{code}/comparison", Reach.SHARED),
			Map.entry("GET /api/powers/{code}", Reach.SHARED),
			Map.entry("GET /api/powers/{code}/bpmn", Reach.SHARED),
			// Reviewers are not scoped to departments (docs/designer.md): any version in review is theirs to decide.
			Map.entry("GET /api/reviews/{code}/{version}", Reach.SHARED),
			Map.entry("GET /api/reviews/{code}/{version}/bpmn", Reach.SHARED),
			Map.entry("POST /api/powers/{code}/versions/{version}/approve", Reach.SHARED),
			Map.entry("POST /api/powers/{code}/versions/{version}/reject", Reach.SHARED),
			Map.entry("GET /api/cases/{caseId}", Reach.OWN),
			Map.entry("GET /api/cases/{caseId}/clock", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/clock/suspend", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/clock/resume", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/extensions", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/extensions/approve", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/extensions/reject", Reach.OWN),
			Map.entry("GET /api/tasks/{taskId}", Reach.OWN),
			Map.entry("GET /api/cases/{caseId}/comments", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/comments", Reach.OWN),
			Map.entry("GET /api/cases/{caseId}/attachments", Reach.OWN),
			Map.entry("POST /api/cases/{caseId}/attachments", Reach.OWN),
			Map.entry("GET /api/cases/{caseId}/attachments/{attachmentId}", Reach.OWN),
			Map.entry("POST /api/tasks/{taskId}/claim", Reach.OWN),
			Map.entry("POST /api/tasks/{taskId}/unclaim", Reach.OWN),
			Map.entry("POST /api/tasks/{taskId}/complete", Reach.OWN),
			Map.entry("POST /api/tasks/{taskId}/reassign", Reach.OWN),
			Map.entry("POST /api/escalations/{id}/acknowledge", Reach.OWN),
			Map.entry("POST /api/escalations/{id}/orders", Reach.OWN),
			Map.entry("POST /api/escalations/{id}/findings", Reach.OWN),
			Map.entry("PUT /api/org/units/{id}", Reach.GLOBAL),
			Map.entry("PUT /api/org/units/{id}/leaders", Reach.GLOBAL),
			Map.entry("PUT /api/org/departments/{id}", Reach.GLOBAL),
			Map.entry("PUT /api/org/people/{username}", Reach.GLOBAL),
			Map.entry("POST /api/org/people/{username}/unlock", Reach.GLOBAL),
			Map.entry("PUT /api/org/supervisors/{username}", Reach.GLOBAL),
			Map.entry("PUT /api/org/designers/{username}", Reach.GLOBAL),
			Map.entry("PUT /api/calendar/days/{year}", Reach.GLOBAL),
			Map.entry("POST /api/notifications/{id}/read", Reach.PERSONAL),
			Map.entry("POST /api/notifications/failed/{id}/retry", Reach.GLOBAL)));

	/** Bodies that pass an endpoint's own checks, so that only the object check can refuse another's object. */
	static final Map<String, String> BODIES = Map.of("POST /api/cases/{caseId}/comments", "{\"message\":\"矩阵\"}");

	/** The public API (docs/portal.md): open to everyone, signed in or not. */
	static final Set<String> PUBLIC = Set.of("GET /api/public/powers", "GET /api/public/powers/{code}",
			"GET /api/public/powers/{code}/diagram", "GET /api/public/cases/{caseNumber}",
			"GET /api/public/statistics",
			"GET /api/public/complaints/challenge", "POST /api/public/complaints",
			"GET /api/public/complaints/{complaintNumber}");

	/** A demo person per role. */
	static final Map<String, String> PEOPLE = Map.of("ADMIN", "admin", "DESIGNER", "designer", "REVIEWER", "reviewer", "HANDLER", "handler1",
			"SUPERVISOR", "supervisor", "LEADER", "leader");

	@Autowired
	MockMvc mvc;

	@Autowired
	PowerDeployment deployment;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointHasARuleAndNoRoleGetsPastARuleThatDoesNotNameIt() throws Exception {
		Set<String> endpoints = endpoints();
		assertThat(endpoints).as("the public API").containsAll(PUBLIC);
		endpoints.removeAll(PUBLIC);
		assertThat(endpoints).as("endpoints of the application without a rule in this test").isSubsetOf(RULES.keySet());
		assertThat(RULES.keySet()).as("rules for endpoints the application no longer has").isSubsetOf(endpoints);

		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints) {
			Set<String> allowed = RULES.get(endpoint);
			for (String role : new TreeSet<>(PEOPLE.keySet())) {
				MockHttpServletResponse response = call(endpoint, PEOPLE.get(role));
				boolean refusedByRole = response.getStatus() == 403
						&& response.getContentAsString().contains("your role does not allow");
				if (allowed.contains(role) && (refusedByRole || response.getStatus() == 401)) {
					wrong.add(endpoint + " refused " + role + " (" + response.getStatus() + ")");
				}
				if (!allowed.contains(role) && !refusedByRole) {
					wrong.add(endpoint + " let " + role + " through (" + response.getStatus() + ")");
				}
			}
			int anonymous = call(endpoint, null).getStatus();
			if (anonymous != 401) {
				wrong.add(endpoint + " answered an anonymous caller " + anonymous + ", not 401");
			}
		}
		assertThat(wrong).as("access matrix").isEmpty();
	}

	/**
	 * Role × own/other object: each role's person (scoped to one department of one unit, see
	 * {@link ObjectFixtures}) calls every endpoint with a path id that its role rule admits, once
	 * with an object in its scope and once with another's. OWN: their own gets past the object
	 * check (any answer but 401, 403 or 404) and another's is 403 with no data; SHARED: both get
	 * past; GLOBAL (administrators only): the existing object gets past; PERSONAL: their own gets
	 * past and another's is 404.
	 */
	@Test
	void everyObjectIsReachedOnlyByThoseItBelongsTo() throws Exception {
		Set<String> withIds = new TreeSet<>();
		// The public API has no owner and no sign-in (thePublicApiAnswersEveryoneWithoutSignIn).
		endpoints().stream().filter(e -> e.contains("{") && !PUBLIC.contains(e)).forEach(withIds::add);
		assertThat(withIds).as("endpoints with a path id missing from OBJECTS").isSubsetOf(OBJECTS.keySet());
		assertThat(OBJECTS.keySet()).as("OBJECTS for endpoints the application no longer has").isSubsetOf(withIds);

		ObjectFixtures fixtures = new ObjectFixtures(mvc, deployment, management, tasks, jdbc);
		ObjectFixtures.Scope scope = fixtures.prepare();
		List<String> wrong = new ArrayList<>();
		for (String endpoint : withIds) {
			Reach kind = OBJECTS.get(endpoint);
			for (String role : new TreeSet<>(RULES.get(endpoint))) {
				String person = ObjectFixtures.SCOPED.getOrDefault(role, PEOPLE.get(role));
				String password = person.equals(PEOPLE.get(role)) ? "demo" : ObjectFixtures.PASSWORD;
				MockHttpServletResponse own = call(endpoint, scope.own(endpoint, person), person, password);
				if (List.of(401, 403, 404).contains(own.getStatus())) {
					wrong.add(endpoint + " refused " + role + " its own object (" + own.getStatus() + " "
							+ own.getContentAsString() + ")");
				}
				if (kind == Reach.GLOBAL) {
					continue;
				}
				MockHttpServletResponse other = call(endpoint, scope.other(endpoint), person, password);
				if (kind == Reach.PERSONAL && other.getStatus() != 404) {
					wrong.add(endpoint + " let " + role + " reach another's notification (" + other.getStatus() + ")");
				}
				if (kind == Reach.OWN && other.getStatus() != 403) {
					wrong.add(endpoint + " let " + role + " reach another's object (" + other.getStatus() + ")");
				}
				if (kind == Reach.SHARED && List.of(401, 403, 404).contains(other.getStatus())) {
					wrong.add(endpoint + " refused " + role + " a shared object (" + other.getStatus() + ")");
				}
			}
		}
		assertThat(wrong).as("object access matrix").isEmpty();
		assertThat(fixtures.untouched(scope)).as("another's objects changed by refused calls").isTrue();
	}

	@Test
	void thePublicApiAnswersEveryoneWithoutSignIn() throws Exception {
		for (String endpoint : PUBLIC) {
			for (String person : new TreeSet<>(PEOPLE.values())) {
				assertThat(call(endpoint, person).getStatus()).as(endpoint + " for " + person).isNotIn(401, 403);
			}
			assertThat(call(endpoint, null).getStatus()).as(endpoint + " anonymously").isNotIn(401, 403);
		}
	}

	@Test
	void unknownApiPathsAreRefusedToEveryone() throws Exception {
		for (String person : PEOPLE.values()) {
			assertThat(call("GET /api/no-such-thing", person).getStatus()).isEqualTo(403);
			assertThat(call("DELETE /api/powers/XK-LAND-001", person).getStatus()).isEqualTo(403);
		}
	}

	private Set<String> endpoints() {
		return endpoints(mappings);
	}

	/** "METHOD /pattern" for every handler under /api. */
	static Set<String> endpoints(RequestMappingHandlerMapping mappings) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				assertThat(methods).as("%s names its HTTP method", pattern).isNotEmpty();
				methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	private MockHttpServletResponse call(String endpoint, String username) throws Exception {
		// Path variables become ids that exist nowhere, so an allowed call changes nothing.
		String path = endpoint.split(" ", 2)[1].replaceAll("\\{year}", "2031").replaceAll("\\{[^}]+}", "matrix-none");
		return call(endpoint, path, username, "demo");
	}

	private MockHttpServletResponse call(String endpoint, String path, String username, String password)
			throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.split(" ", 2)[0]), path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODIES.getOrDefault(endpoint, "{}"))
			.header("Accept-Language", "en");
		if (username != null) {
			request.with(httpBasic(username, password));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

}
