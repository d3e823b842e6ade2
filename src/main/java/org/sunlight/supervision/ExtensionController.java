package org.sunlight.supervision;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.Columns;

/** Requesting and deciding the extension of a case's limit. */
@RestController
@RequestMapping("/api/cases/{caseId}/extensions")
class ExtensionController {

	private final Extensions extensions;

	private final CaseParticipants participants;

	ExtensionController(Extensions extensions, CaseParticipants participants) {
		this.participants = participants;
		this.extensions = extensions;
	}

	@PostMapping
	ResponseEntity<Extension> request(@PathVariable String caseId, @Valid @RequestBody(required = false) Request body,
			Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {amount, reason}");
		}
		participants.requireHandler(caseId, principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(extensions.request(caseId, body.amount(), body.reason(), principal.getName()));
	}

	@PostMapping("/approve")
	Extension approve(@PathVariable String caseId, @Valid @RequestBody(required = false) Decision body, Principal principal) {
		participants.requireAccountableLeader(caseId, principal.getName());
		return extensions.approve(caseId, principal.getName(), body == null ? null : body.note());
	}

	@PostMapping("/reject")
	Extension reject(@PathVariable String caseId, @Valid @RequestBody(required = false) Decision body, Principal principal) {
		participants.requireAccountableLeader(caseId, principal.getName());
		return extensions.reject(caseId, principal.getName(), body == null ? null : body.note());
	}

	record Request(@Size(max = Columns.CODE) String amount, @Size(max = Columns.TEXT) String reason) {
	}

	record Decision(@Size(max = Columns.TEXT) String note) {
	}

}
