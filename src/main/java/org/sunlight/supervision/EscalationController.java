package org.sunlight.supervision;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.supervision.internal.EscalationStream;

/** Supervisors' view of escalations (API.md, "Escalations"). */
@RestController
@RequestMapping("/api/escalations")
class EscalationController {

	private static final int MAX_PAGE_SIZE = 200;

	private final Escalations escalations;
	private final EscalationStream stream;
	private final SupervisionOrders orders;

	EscalationController(Escalations escalations, EscalationStream stream, SupervisionOrders orders) {
		this.escalations = escalations;
		this.stream = stream;
		this.orders = orders;
	}

	@GetMapping
	PageView list(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String department,
			@RequestParam(required = false) String powerCode, @RequestParam(required = false) String caseId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + " (got page=" + page + ", size=" + size + ")");
		}
		EscalationFilter filter = new EscalationFilter(parse(Escalation.Status.class, "status", status),
				parse(EscalationLevel.class, "level", level), parse(Escalation.Scope.class, "scope", scope), department,
				powerCode, caseId);
		Escalations.Page found = escalations.list(filter, page, size);
		return new PageView(found.items().stream().map(EscalationView::of).toList(), found.total());
	}

	@PostMapping("/{id}/acknowledge")
	EscalationView acknowledge(@PathVariable String id, @RequestBody(required = false) Acknowledgement body,
			Principal principal) {
		String note = body == null ? null : body.note();
		if (note != null && note.length() > 2000) {
			throw new IllegalArgumentException("note is longer than 2000 characters");
		}
		return EscalationView.of(escalations.acknowledge(id, principal.getName(), note));
	}

	@PostMapping("/{id}/orders")
	ResponseEntity<SupervisionOrder> order(@PathVariable String id, @RequestBody(required = false) OrderRequest body,
			Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {instruction, replyWithin}");
		}
		SupervisionOrder order = orders.issue(id, body.instruction(), body.replyWithin(), principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(order);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() throws IOException {
		return stream.subscribe();
	}

	/** Unknown filter values are refused with the allowed ones, rather than silently matching nothing. */
	private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown " + name + " '" + value + "'; allowed: "
					+ Arrays.toString(type.getEnumConstants()));
		}
	}

	record Acknowledgement(String note) {
	}

	record OrderRequest(String instruction, String replyWithin) {
	}

	record PageView(List<EscalationView> items, long total) {
	}

}
