package org.sunlight.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.ConflictException;
import org.sunlight.system.DateParameter;
import org.sunlight.system.Paging;

/** {@code /api/audit}: the trail for supervisors and administrators, the chain check and checkpoints. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

	private final AuditTrail trail;
	private final MessageSource messages;

	AuditController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping
	AuditTrail.Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		new Paging(page, size);
		trail.seal();
		return trail.list(new AuditFilter(blankToNull(actor), action(action), blankToNull(subjectType),
				blankToNull(subjectId), instant("from", from), instant("to", to)), page, size);
	}

	@GetMapping("/verify")
	AuditTrail.Verification verify() {
		trail.seal();
		return trail.verify();
	}

	/** Signs the head into a checkpoint now, e.g. before a backup; refused while the chain is broken. */
	@PostMapping("/checkpoints")
	AuditCheckpoint checkpoint(Locale locale) {
		trail.seal();
		return trail.checkpoint()
			.orElseThrow(() -> new ConflictException(messages.getMessage("audit.checkpointRefused", null, locale)));
	}

	private static AuditAction action(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return AuditAction.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown action '" + value + "'; allowed: " + Arrays.toString(AuditAction.values()));
		}
	}

	private static Instant instant(String name, String value) {
		return DateParameter.instant(name, value, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
