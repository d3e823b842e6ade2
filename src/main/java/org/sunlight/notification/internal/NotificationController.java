package org.sunlight.notification.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.notification.Delivery;
import org.sunlight.notification.Notification;
import org.sunlight.notification.Notifications;
import org.sunlight.system.Columns;
import org.sunlight.system.Paging;

/**
 * {@code /api/notifications}: the caller's notification centre (list, unread count, mark read,
 * live unread count), their preferences, and for the administrator the failed deliveries and
 * their retry.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final Notifications notifications;
	private final NotificationStream stream;

	NotificationController(Notifications notifications, NotificationStream stream) {
		this.notifications = notifications;
		this.stream = stream;
	}

	@GetMapping
	Notifications.Page mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Principal caller) {
		return notifications.mine(caller.getName(), unread, new Paging(page, size));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(Principal caller) {
		return Map.of("count", notifications.unread(caller.getName()));
	}

	@PostMapping("/{id}/read")
	Notification read(@PathVariable String id, Principal caller) {
		return notifications.markRead(caller.getName(), id);
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll(Principal caller) {
		return Map.of("marked", notifications.markAllRead(caller.getName()));
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Principal caller) throws IOException {
		return stream.subscribe(caller.getName());
	}

	@GetMapping("/preferences")
	Notifications.Preferences preferences(Principal caller) {
		return notifications.preferences(caller.getName());
	}

	@PutMapping("/preferences")
	Notifications.Preferences setPreferences(@Valid @RequestBody PreferencesRequest body, Principal caller) {
		return notifications.setPreferences(caller.getName(),
				new Notifications.Preferences(body.email(), body.off(), body.quietFrom(), body.quietTo()));
	}

	@GetMapping("/failed")
	Notifications.FailedPage failed(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return notifications.failed(new Paging(page, size));
	}

	@PostMapping("/failed/{id}/retry")
	Delivery retry(@PathVariable String id, Principal caller) {
		return notifications.retry(id, caller.getName());
	}

	record PreferencesRequest(@Size(max = 320) String email, @Size(max = 100) List<@Size(max = Columns.ID) String> off,
			@Size(max = 5) String quietFrom, @Size(max = 5) String quietTo) {
	}

}
