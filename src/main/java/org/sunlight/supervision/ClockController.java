package org.sunlight.supervision;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.system.Columns;
import org.sunlight.system.NotFoundException;

/** Stopping and restarting a case's clock (API.md, "Cases and tasks"). */
@RestController
@RequestMapping("/api/cases/{caseId}/clock")
class ClockController {

	private final ClockPauses pauses;
	private final Clocks clocks;

	private final CaseParticipants participants;
	private final CaseReaders readers;

	ClockController(ClockPauses pauses, Clocks clocks, CaseParticipants participants, CaseReaders readers) {
		this.participants = participants;
		this.readers = readers;
		this.pauses = pauses;
		this.clocks = clocks;
	}

	/** Pause reasons and who paused are the case's: only those who may read the case see them. */
	@GetMapping
	CaseClockView clock(@PathVariable String caseId, Authentication caller) {
		readers.requireReadable(caseId, caller);
		return view(caseId);
	}

	@PostMapping("/suspend")
	CaseClockView suspend(@PathVariable String caseId, @Valid @RequestBody(required = false) SuspendRequest body,
			Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {category, reason}");
		}
		participants.requireHandler(caseId, principal.getName());
		pauses.suspend(caseId, body.category(), body.reason(), principal.getName());
		return view(caseId);
	}

	@PostMapping("/resume")
	CaseClockView resume(@PathVariable String caseId, Principal principal) {
		participants.requireHandler(caseId, principal.getName());
		pauses.resume(caseId, principal.getName());
		return view(caseId);
	}

	private CaseClockView view(String caseId) {
		CaseSchedule schedule = clocks.caseSchedule(caseId)
			.orElseThrow(() -> new NotFoundException("no supervised case with id " + caseId));
		return CaseClockView.of(schedule, pauses.pauses(caseId), ClockUtil.getCurrentTime().toInstant());
	}

	record SuspendRequest(@Size(max = Columns.CODE) String category, @Size(max = Columns.TEXT) String reason) {
	}

}
