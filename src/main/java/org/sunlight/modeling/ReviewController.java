package org.sunlight.modeling;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.InertDownload;

/**
 * Review (法制审核) of submitted versions: reviewers approve or send back; reviewers and designers
 * see the submissions and their outcome (docs/designer.md).
 */
@RestController
class ReviewController {

	private static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final PowerReviews reviews;

	ReviewController(PowerReviews reviews) {
		this.reviews = reviews;
	}

	record ApproveBody(String note) {
	}

	record RejectBody(String reason) {
	}

	/** The version that went live. */
	record LiveVersion(String powerCode, int version, String processDefinitionId, OffsetDateTime deployedAt,
			String drawnBy, String approvedBy) {
	}

	@PostMapping("/api/powers/{code}/versions/{version}/approve")
	LiveVersion approve(@PathVariable String code, @PathVariable int version,
			@RequestBody(required = false) ApproveBody body, Principal reviewer) {
		PowerVersion live = reviews.approve(code, version, reviewer.getName(), body == null ? null : body.note());
		return new LiveVersion(live.powerCode(), live.version(), live.processDefinitionId(), live.deployedAt(),
				live.deployedBy(), live.approvedBy());
	}

	@PostMapping("/api/powers/{code}/versions/{version}/reject")
	PowerSubmission reject(@PathVariable String code, @PathVariable int version,
			@RequestBody(required = false) RejectBody body, Principal reviewer) {
		return reviews.reject(code, version, reviewer.getName(), body == null ? null : body.reason());
	}

	/** {@code mine=true}: only the caller's own submissions (a designer's list). */
	@GetMapping("/api/reviews")
	List<PowerSubmission> list(@RequestParam(required = false) ReviewStatus status,
			@RequestParam(defaultValue = "false") boolean mine, Principal caller) {
		return reviews.list(status, mine ? caller.getName() : null);
	}

	@GetMapping("/api/reviews/{code}/{version}")
	PowerSubmission one(@PathVariable String code, @PathVariable int version) {
		return reviews.find(code, version);
	}

	/** The submitted source as drawn, for the reviewer's flowchart: a designer's bytes, so an inert download. */
	@GetMapping(path = "/api/reviews/{code}/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> bpmn(@PathVariable String code, @PathVariable int version) {
		return InertDownload.of(reviews.source(code, version), XML_UTF8, code + "-v" + version + "-review.bpmn");
	}

}
