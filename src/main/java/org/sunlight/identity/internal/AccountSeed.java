package org.sunlight.identity.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.identity.Roles;

/**
 * The first accounts. The demo profile (the default) seeds the demo people of API.md with
 * password {@code demo}; no other profile has a default password: the first administrator comes
 * from {@code sunlight.admin.username} / {@code sunlight.admin.password}
 * ({@code SUNLIGHT_ADMIN_PASSWORD}). Existing accounts are never touched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountSeed.class);

	static final String DEMO_PASSWORD = "demo";

	/** The demo people: username, name, roles. */
	static final List<List<String>> DEMO_PEOPLE = List.of(List.of("admin", "系统管理员", Roles.ADMIN),
			List.of("designer", "流程设计员 李明", Roles.DESIGNER), List.of("reviewer", "法制审核员 周敏", Roles.REVIEWER),
			List.of("handler1", "经办人 张伟", Roles.HANDLER),
			List.of("handler2", "经办人 王芳", Roles.HANDLER), List.of("supervisor", "纪检监察员 赵强", Roles.SUPERVISOR),
			List.of("leader", "县长 刘洋（主要领导）", Roles.LEADER), List.of("deputy", "副县长 陈静（分管领导）", Roles.LEADER),
			List.of("head", "科长 孙磊（部门负责人）", Roles.LEADER),
			List.of("inspector", "纪检监察干部 吴刚（投诉举报受理岗）", Roles.HANDLER));

	private final AccountStore accounts;
	private final IdentityService identity;
	private final PasswordEncoder encoder;
	private final TransactionTemplate transactions;
	private final Environment environment;
	private final String adminName;
	private final String adminPassword;

	AccountSeed(AccountStore accounts, IdentityService identity, PasswordEncoder encoder,
			TransactionTemplate transactions, Environment environment,
			@Value("${sunlight.admin.username:admin}") String adminName,
			@Value("${sunlight.admin.password:}") String adminPassword) {
		this.accounts = accounts;
		this.identity = identity;
		this.encoder = encoder;
		this.transactions = transactions;
		this.environment = environment;
		this.adminName = adminName;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			if (environment.acceptsProfiles(Profiles.of("demo"))) {
				String demo = encoder.encode(DEMO_PASSWORD);
				for (List<String> person : DEMO_PEOPLE) {
					ensure(person.get(0), person.get(1), demo, person.get(2));
				}
			}
			if (!adminPassword.isBlank()) {
				ensure(adminName, "系统管理员", encoder.encode(adminPassword), Roles.ADMIN);
			}
		});
		if (accounts.usernames().isEmpty()) {
			log.warn("No accounts: set sunlight.admin.password (SUNLIGHT_ADMIN_PASSWORD) to create the first administrator");
		}
	}

	private void ensure(String username, String displayName, String passwordHash, String role) {
		if (accounts.find(username).isEmpty()) {
			accounts.insert(username, displayName, passwordHash, List.of(role), ClockUtil.getCurrentTime().toInstant());
		}
		if (identity.createUserQuery().userId(username).count() == 0) {
			User user = identity.newUser(username);
			user.setFirstName(displayName);
			identity.saveUser(user);
		}
	}

}
