package org.sunlight.casework;

import java.security.Principal;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.Paging;

/**
 * The inboxes (docs/home.md): a leader's extensions, a supervisor's issued orders, a handler's
 * done list and past orders. Each reads the caller's own; there is no parameter naming anyone else.
 */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

	private final Inboxes inboxes;
	private final OrderViews orders;

	InboxController(Inboxes inboxes, OrderViews orders) {
		this.inboxes = inboxes;
		this.orders = orders;
	}

	/** {@code status=pending} (the default): what waits for the leader; {@code decided}: what they decided. */
	@GetMapping("/extensions")
	InboxPage<Inboxes.ExtensionItem> extensions(@RequestParam(defaultValue = "pending") String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Principal caller) {
		Paging paging = new Paging(page, size);
		return switch (status.trim().toLowerCase(Locale.ROOT)) {
			case "pending" -> inboxes.pendingExtensions(caller.getName(), paging);
			case "decided" -> inboxes.decidedExtensions(caller.getName(), paging);
			default -> throw new IllegalArgumentException("unknown status '" + status + "'; allowed: pending, decided");
		};
	}

	@GetMapping("/orders/issued")
	InboxPage<OrderViews.OrderView> issued(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal caller) {
		return orders.issuedBy(caller.getName(), new Paging(page, size));
	}

	@GetMapping("/orders/replied")
	InboxPage<OrderViews.OrderView> replied(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal caller) {
		return orders.repliedBy(caller.getName(), new Paging(page, size));
	}

	@GetMapping("/done")
	InboxPage<Inboxes.DoneTask> done(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Principal caller) {
		return inboxes.done(caller.getName(), new Paging(page, size));
	}

}
