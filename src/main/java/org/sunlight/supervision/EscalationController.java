package org.sunlight.supervision;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.Roles;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.supervision.internal.EscalationFilter;
import org.sunlight.supervision.internal.EscalationStream;
import org.sunlight.system.Columns;
import org.sunlight.system.DateParameter;
import org.sunlight.system.Paging;

/** Supervisors' view of escalations (API.md, "Escalations"). */
@RestController
@RequestMapping("/api/escalations")
class EscalationController {


	private final Escalations escalations;
	private final EscalationStream stream;
	private final SupervisionOrders orders;
	private final Organisation organisation;
	private final Findings findings;

	EscalationController(Escalations escalations, EscalationStream stream, SupervisionOrders orders,
			Organisation organisation, Findings findings) {
		this.findings = findings;
		this.organisation = organisation;
		this.escalations = escalations;
		this.stream = stream;
		this.orders = orders;
	}

	@GetMapping
	PageView list(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String department,
			@RequestParam(required = false) String powerCode, @RequestParam(required = false) String caseId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Authentication caller) {
		new Paging(page, size);
		Visibility visible = visibility(caller);
		if (department != null && !department.isBlank() && !visible.covers(department) && visible.routedTo() == null) {
			throw new AccessDeniedException("you do not supervise department " + department);
		}
		EscalationFilter filter = new EscalationFilter(parse(Escalation.Status.class, "status", status),
				parse(EscalationLevel.class, "level", level), parse(Escalation.Scope.class, "scope", scope), department,
				powerCode, caseId, visible.all() ? null : visible.departments(), visible.all() ? null : visible.routedTo(),
				day("from", from, 0), day("to", to, 1));
		Escalations.Page found = escalations.list(filter, page, size);
		return new PageView(found.items().stream().map(EscalationView::of).toList(), found.total());
	}

	@PostMapping("/{id}/acknowledge")
	EscalationView acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) Acknowledgement body,
			Principal principal) {
		String note = body == null ? null : body.note();
		if (note != null && note.length() > 2000) {
			throw new IllegalArgumentException("note is longer than 2000 characters");
		}
		requireSupervised(id, principal);
		return EscalationView.of(escalations.acknowledge(id, principal.getName(), note));
	}

	@PostMapping("/{id}/orders")
	ResponseEntity<SupervisionOrder> order(@PathVariable String id, @Valid @RequestBody(required = false) OrderRequest body,
			Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {instruction, replyWithin}");
		}
		requireSupervised(id, principal);
		SupervisionOrder order = orders.issue(id, body.instruction(), body.replyWithin(), principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(order);
	}

	@PostMapping("/{id}/findings")
	ResponseEntity<Finding> finding(@PathVariable String id, @Valid @RequestBody(required = false) FindingRequest body,
			Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {kind, note}");
		}
		requireSupervised(id, principal);
		return ResponseEntity.status(HttpStatus.CREATED).body(findings.record(id, body.kind(), body.note(),
				principal.getName()));
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Authentication caller) throws IOException {
		Visibility visible = visibility(caller);
		return stream.subscribe(escalation -> visible.sees(escalation));
	}

	/** What the caller may see: a supervisor's departments, and a leader's routed red alarms. */
	record Visibility(boolean all, java.util.Set<String> departments, String routedTo) {

		boolean covers(String department) {
			return all || departments.contains(department);
		}

		boolean sees(Escalation escalation) {
			return covers(escalation.department()) || (routedTo != null && escalation.leaders() != null
					&& List.of(escalation.leaders().split(",")).contains(routedTo));
		}

	}

	private Visibility visibility(Authentication caller) {
		boolean admin = Roles.of(caller, Roles.ADMIN);
		SupervisionScope scope = Roles.of(caller, Roles.SUPERVISOR) || admin
				? organisation.supervisionScope(caller.getName()) : SupervisionScope.NOTHING;
		String routedTo = Roles.of(caller, Roles.LEADER) ? "user:" + caller.getName() : null;
		return new Visibility(scope.all(), scope.departments(), routedTo);
	}


	/** A supervisor acts only on escalations of the departments they supervise. */
	private void requireSupervised(String id, Principal principal) {
		Escalation escalation = escalations.get(id);
		if (!organisation.supervisionScope(principal.getName()).covers(escalation.department())) {
			throw new AccessDeniedException("escalation " + id + " belongs to department " + escalation.department()
					+ ", which you do not supervise");
		}
	}

	/** The start of a day in China Standard Time, {@code plusDays} later; {@code to} is inclusive. */
	private static java.time.Instant day(String name, String value, int plusDays) {
		java.time.LocalDate day = DateParameter.parse(name, value);
		return day == null ? null : day.plusDays(plusDays).atStartOfDay(ZONE).toInstant();
	}

	private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

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

	record Acknowledgement(@Size(max = Columns.TEXT) String note) {
	}

	record OrderRequest(@Size(max = Columns.TEXT) String instruction, @Size(max = Columns.CODE) String replyWithin) {
	}

	record FindingRequest(@Size(max = Columns.CODE) String kind, @Size(max = Columns.TEXT) String note) {
	}

	record PageView(List<EscalationView> items, long total) {
	}

}
