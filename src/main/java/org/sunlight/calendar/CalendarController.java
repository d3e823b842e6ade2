package org.sunlight.calendar;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.calendar.internal.CalendarAdministration;
import org.sunlight.calendar.internal.DayEntries.DayEntry;
import org.sunlight.system.DateParameter;

/** The calendar API (API.md, "Calendar"): reads for any signed-in user, changes for ADMIN. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	private final WorkingTime workingTime;
	private final CalendarAdministration administration;

	CalendarController(WorkingTime workingTime, CalendarAdministration administration) {
		this.workingTime = workingTime;
		this.administration = administration;
	}

	@GetMapping("/deadline")
	DeadlineView deadline(@RequestParam String start, @RequestParam String duration,
			@RequestParam(defaultValue = "workday") String calendar) {
		ZoneId zone = workingTime.calendar().zone();
		Instant from = instant(start, zone);
		TimeLimit limit = TimeLimit.parse(duration);
		CalendarKind kind = CalendarKind.of(calendar);
		Deadline deadline = workingTime.deadline(from, limit.toString(), kind.code());
		return new DeadlineView(from.atZone(zone).toOffsetDateTime(), limit.toString(), kind.code(),
				deadline.deadline().atZone(zone).toOffsetDateTime(), deadline.covered());
	}

	@GetMapping("/days")
	List<DayView> days(@RequestParam int year) {
		return administration.year(year).stream().map(DayView::of).toList();
	}

	@PutMapping("/days/{year}")
	List<DayView> replaceYear(@PathVariable int year, @RequestBody List<@Valid DayEntry> days, Principal principal) {
		return administration.replaceYear(year, days, principal == null ? "unknown" : principal.getName()).stream().map(DayView::of).toList();
	}

	@GetMapping("/years")
	List<YearView> years() {
		ZoneId zone = workingTime.calendar().zone();
		return administration.years().stream()
			.map(year -> new YearView(year.year(), year.updatedAt().atZoneSameInstant(zone).toOffsetDateTime(),
					year.updatedBy()))
			.toList();
	}

	private static Instant instant(String text, ZoneId zone) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("start is required, e.g. 2026-09-30T10:00:00+08:00");
		}
		return DateParameter.instant("start", text, zone);
	}

	record DeadlineView(OffsetDateTime start, String duration, String calendar, OffsetDateTime deadline,
			boolean covered) {
	}

	record DayView(LocalDate date, DayKind kind, String name) {

		static DayView of(CalendarDay day) {
			return new DayView(day.date(), day.kind(), day.name());
		}

	}

	record YearView(int year, OffsetDateTime updatedAt, String updatedBy) {
	}

}
