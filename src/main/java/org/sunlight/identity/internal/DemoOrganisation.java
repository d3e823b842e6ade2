package org.sunlight.identity.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sunlight.catalog.Catalog;

/**
 * The demo organisation (demo profile only): the demo users in Camunda's identity service, a
 * group for every post and supervisor group the deployed powers name, and both demo handlers in
 * every post, so the engine offers them the sample powers' tasks. Runs after the sample powers
 * are deployed (their deployer runs at order 0); adds what is missing and never removes anything.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
	static final Set<String> HANDLERS = Set.of("handler1", "handler2");

	private final IdentityService identity;
	private final Catalog catalog;
	private final UserAccounts accounts;

	DemoOrganisation(IdentityService identity, Catalog catalog, UserAccounts accounts) {
		this.identity = identity;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String username : accounts.usernames()) {
			if (identity.createUserQuery().userId(username).count() == 0) {
				User user = identity.newUser(username);
				user.setFirstName(accounts.displayName(username));
				identity.saveUser(user);
			}
		}
		Set<String> posts = new LinkedHashSet<>();
		Set<String> supervisorGroups = new LinkedHashSet<>();
		for (Catalog.PowerEntry power : catalog.powers(false)) {
			for (Catalog.StepEntry step : catalog.steps(power.code())) {
				// A post named by an expression is chosen per case, not a group to create.
				step.candidateGroups().stream().filter(post -> !post.contains("${")).forEach(posts::add);
				if (step.supervisor() != null && step.supervisor().startsWith("group:")) {
					supervisorGroups.add(step.supervisor().substring("group:".length()));
				}
			}
		}
		posts.forEach(post -> ensureGroup(post, "POST", HANDLERS));
		supervisorGroups.forEach(group -> ensureGroup(group, "SUPERVISION", Set.of("supervisor")));
		log.info("Demo organisation: {} posts with handlers {}, {} supervisor groups", posts.size(), HANDLERS,
				supervisorGroups.size());
	}

	private void ensureGroup(String id, String type, Set<String> members) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(id);
			group.setType(type);
			identity.saveGroup(group);
		}
		for (String member : members) {
			if (identity.createUserQuery().userId(member).memberOfGroup(id).count() == 0) {
				identity.createMembership(member, id);
			}
		}
	}

}
