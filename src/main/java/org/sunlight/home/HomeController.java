package org.sunlight.home;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/home}: the caller's sections, one per role they hold (docs/home.md). */
@RestController
class HomeController {

	private final HomeSections sections;

	HomeController(HomeSections sections) {
		this.sections = sections;
	}

	@GetMapping("/api/home")
	Home home(Authentication caller) {
		return sections.of(caller);
	}

}
