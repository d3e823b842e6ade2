package org.sunlight.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.InertDownload;
import org.sunlight.system.NotFoundException;

/**
 * The public API (API.md, "Public (no sign-in)"): only GETs, no session, nothing personal. A power
 * that is not public answers like an unknown one.
 */
@RestController
@RequestMapping("/api/public")
class PublicController {

	private static final MediaType PLAIN_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final PublicCatalog catalog;
	private final PublicProgress progress;
	private final PublicStatistics statistics;
	private final MessageSource messages;

	PublicController(PublicCatalog catalog, PublicProgress progress, PublicStatistics statistics,
			MessageSource messages) {
		this.catalog = catalog;
		this.progress = progress;
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/powers")
	List<PublicCatalog.PublicPower> powers(@RequestParam(required = false) String q,
			@RequestParam(required = false) String department, @RequestParam(required = false) String category) {
		return catalog.powers(q, department, category);
	}

	@GetMapping("/powers/{code}")
	PublicCatalog.PublicPowerDetail power(@PathVariable String code) {
		return catalog.power(code).orElseThrow(this::unknownPower);
	}

	/**
	 * The flowchart as a download: plain text that no browser renders or sniffs into markup, for
	 * the portal to read with fetch and draw with bpmn-js.
	 */
	@GetMapping("/powers/{code}/diagram")
	ResponseEntity<String> diagram(@PathVariable String code) {
		String xml = catalog.diagram(code).orElseThrow(this::unknownPower);
		return InertDownload.of(xml, PLAIN_UTF8, code + ".bpmn");
	}

	@GetMapping("/cases/{caseNumber}")
	CaseProgress caseProgress(@PathVariable String caseNumber, @RequestParam(required = false) String queryCode,
			HttpServletRequest request) {
		return progress.lookup(caseNumber, queryCode, request.getRemoteAddr());
	}

	/** Months {@code YYYY-MM}, both inclusive; a department by its id, or all. */
	@GetMapping("/statistics")
	PublicStatistics.Report statistics(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String department) {
		return statistics.report(from, to, department);
	}

	private NotFoundException unknownPower() {
		return new NotFoundException(messages.getMessage("portal.powerNotFound", null, "portal.powerNotFound",
				LocaleContextHolder.getLocale()));
	}

}
