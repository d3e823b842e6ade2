package org.sunlight.catalog;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.system.InertDownload;
import org.sunlight.system.NotFoundException;

/** The power catalog for signed-in users (API.md, "Models and the catalog"). */
@RestController
@RequestMapping("/api/powers")
class CatalogController {

	private static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final Catalog catalog;
	private final PowerVersions versions;

	CatalogController(Catalog catalog, PowerVersions versions) {
		this.catalog = catalog;
		this.versions = versions;
	}

	@GetMapping
	List<PowerSummary> powers() {
		return catalog.powers(false).stream().map(PowerSummary::of).toList();
	}

	@GetMapping("/{code}")
	PowerDetail power(@PathVariable String code) {
		Catalog.PowerEntry power = catalog.power(code).orElseThrow(() -> unknown(code));
		List<VersionSummary> history = versions.versions(code).stream()
			.map(v -> new VersionSummary(v.version(), v.processDefinitionId(), v.deployedAt(), v.deployedBy(),
					v.deployedBy(), v.approvedBy()))
			.toList();
		return new PowerDetail(power.code(), power.name(), power.category(), power.department(),
				power.statutoryLimit(), power.promisedLimit(), power.calendar(), power.version(), power.isPublic(),
				power.legalBasis(), power.fee(), history, catalog.steps(code));
	}

	@GetMapping(path = "/{code}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> bpmn(@PathVariable String code, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "false") boolean compiled) {
		PowerVersion found = (version == null ? versions.latest(code) : versions.find(code, version))
			.orElseThrow(() -> version == null ? unknown(code)
					: new NotFoundException("power " + code + " has no version " + version));
		String xml = compiled ? versions.compiled(found) : versions.source(found).orElseThrow(() -> unknown(code));
		// The app reads it with fetch; a person who opens the address gets a file, never a page.
		return InertDownload.of(xml, XML_UTF8,
				code + "-v" + found.version() + (compiled ? "-compiled" : "") + ".bpmn");
	}

	private static NotFoundException unknown(String code) {
		return new NotFoundException("no power with code " + code);
	}

	// API.md names the field "public", a Java keyword.
	record PowerSummary(String code, String name, String category, String department, String statutoryLimit,
			String promisedLimit, String calendar, int version, @JsonProperty("public") boolean isPublic) {

		static PowerSummary of(Catalog.PowerEntry p) {
			return new PowerSummary(p.code(), p.name(), p.category(), p.department(), p.statutoryLimit(),
					p.promisedLimit(), p.calendar(), p.version(), p.isPublic());
		}

	}

	/**
	 * A live version: {@code drawnBy} (绘制人) and {@code approvedBy} (审核人: a reviewer,
	 * {@code system} for Sunlight's own deployments, null when published without review).
	 * {@code deployedBy} is the author too, kept for older clients.
	 */
	record VersionSummary(int version, String processDefinitionId, OffsetDateTime deployedAt, String deployedBy,
			String drawnBy, String approvedBy) {
	}

	record PowerDetail(String code, String name, String category, String department, String statutoryLimit,
			String promisedLimit, String calendar, int version,
			@JsonProperty("public") boolean isPublic, String legalBasis, String fee,
			List<VersionSummary> versions, List<Catalog.StepEntry> steps) {
	}

}
