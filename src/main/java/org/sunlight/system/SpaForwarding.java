package org.sunlight.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The browser app uses history-mode routes; a reload on one of them must serve the app, not 404.
 * API paths and files with an extension are never forwarded.
 */
@Controller
class SpaForwarding {

	@GetMapping({ "/", "/login", "/{area:catalog|designer|review|tasks|console|portal|admin|risks|home|inbox}",
			"/{area:catalog|designer|review|tasks|console|portal|admin|risks|home|inbox}/**" })
	String app() {
		return "forward:/index.html";
	}

}
