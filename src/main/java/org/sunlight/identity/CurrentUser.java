package org.sunlight.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user as the browser app sees it. */
public record CurrentUser(String username, String displayName, List<String> roles) {

	public static CurrentUser of(Authentication authentication, String displayName) {
		List<String> roles = authentication.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring("ROLE_".length()))
			.sorted()
			.toList();
		return new CurrentUser(authentication.getName(), displayName, roles);
	}

}
