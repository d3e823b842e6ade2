package org.sunlight.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.sunlight.identity.Roles;

/**
 * The accounts that may sign in. The demo profile (the default) seeds the demo users of API.md
 * with password {@code demo}; no other profile has a default password: the first administrator
 * comes from {@code sunlight.admin.username} / {@code sunlight.admin.password}
 * ({@code SUNLIGHT_ADMIN_PASSWORD}).
 */
@Component
public class UserAccounts implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
	static final String DEMO_PASSWORD = "demo";

	private final Map<String, UserDetails> users = new LinkedHashMap<>();
	private final Map<String, String> displayNames = new LinkedHashMap<>();

	UserAccounts(Environment environment, PasswordEncoder encoder,
			@Value("${sunlight.admin.username:admin}") String adminName,
			@Value("${sunlight.admin.password:}") String adminPassword) {
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			String demo = encoder.encode(DEMO_PASSWORD);
			add("admin", "系统管理员", demo, Roles.ADMIN);
			add("designer", "流程设计员 李明", demo, Roles.DESIGNER);
			add("handler1", "经办人 张伟", demo, Roles.HANDLER);
			add("handler2", "经办人 王芳", demo, Roles.HANDLER);
			add("supervisor", "纪检监察员 赵强", demo, Roles.SUPERVISOR);
			add("leader", "分管领导 刘洋", demo, Roles.LEADER);
		}
		if (!adminPassword.isBlank()) {
			add(adminName, "系统管理员", encoder.encode(adminPassword), Roles.ADMIN);
		}
		if (users.isEmpty()) {
			log.warn("No accounts: set sunlight.admin.password (SUNLIGHT_ADMIN_PASSWORD) to create the first administrator");
		}
	}

	private void add(String username, String displayName, String encodedPassword, String... roles) {
		users.put(username, User.withUsername(username).password(encodedPassword).roles(roles).build());
		displayNames.put(username, displayName);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails user = users.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("no such user");
		}
		// Spring Security erases credentials after sign-in; hand out a copy, not the stored one.
		return User.withUserDetails(user).build();
	}

	public java.util.Set<String> usernames() {
		return java.util.Collections.unmodifiableSet(users.keySet());
	}

	public String displayName(String username) {
		return displayNames.getOrDefault(username, username);
	}

}
