package org.sunlight.identity;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.identity.internal.UserAccounts;

/** Tells the browser app who is signed in (and hands it the CSRF cookie on the way). */
@RestController
class MeController {

	private final UserAccounts accounts;

	MeController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/me")
	CurrentUser me(Authentication authentication) {
		return CurrentUser.of(authentication, accounts.displayName(authentication.getName()));
	}

}
