package org.sunlight.complaint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.complaint.internal.ComplaintChallenges;

/**
 * Complaints on the public API (no sign-in, no session): a challenge, filing, following. Nothing
 * personal in any answer, not even the complainant's own name or phone.
 */
@RestController
@RequestMapping("/api/public/complaints")
class ComplaintController {

	private final Complaints complaints;

	ComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	/** A fresh proof-of-work challenge for the altcha widget; never cached. */
	@GetMapping("/challenge")
	ResponseEntity<ComplaintChallenges.Challenge> challenge() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(complaints.challenge());
	}

	@PostMapping
	ResponseEntity<Filed> file(@Valid @RequestBody(required = false) Filing filing, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(complaints.file(filing, request.getRemoteAddr()));
	}

	@GetMapping("/{complaintNumber}")
	ComplaintProgress follow(@PathVariable String complaintNumber, @RequestParam(required = false) String queryCode,
			HttpServletRequest request) {
		return complaints.follow(complaintNumber, queryCode, request.getRemoteAddr());
	}

}
