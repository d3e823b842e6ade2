package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.internal.ClockStore;
import org.sunlight.supervision.internal.ExtensionStore;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;
import org.sunlight.system.Paging;
import org.sunlight.system.UnprocessableException;

/**
 * Extensions of a case's limit (延长, Licensing Law art. 42): a handler asks, the accountable
 * leader decides once per case, and an approval moves the case's warning and deadline (clock and
 * timer jobs) by the approved amount on the power's calendar. The amount may not exceed the
 * configured maximum, and the decision must come before the deadline has passed.
 */
@Service
public class Extensions {

	static final int MAX_TEXT = 2000;

	private final ExtensionStore extensions;
	private final ClockStore clocks;
	private final RunningCases runningCases;
	private final WorkingTime workingTime;
	private final ManagementService management;
	private final PowerVersions powers;
	private final String maximum;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	Extensions(ExtensionStore extensions, ClockStore clocks, RunningCases runningCases, WorkingTime workingTime,
			ManagementService management, PowerVersions powers,
			@Value("${sunlight.supervision.max-extension:P10D}") String maximum, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.powers = powers;
		this.extensions = extensions;
		this.clocks = clocks;
		this.runningCases = runningCases;
		this.workingTime = workingTime;
		this.management = management;
		this.maximum = maximum;
	}

	/** The power's own maximum ({@code sl:power maxExtension}), else the configured one. */
	private String maximum(String caseId) {
		return power(caseId)
			.map(PowerDescription::maxExtension)
			.filter(own -> !own.isBlank())
			.orElse(maximum);
	}

	private Optional<PowerDescription> power(String caseId) {
		return clocks.caseDefinitionId(caseId).flatMap(powers::describe);
	}

	public Optional<Extension> ofCase(String caseId) {
		return extensions.ofCase(caseId);
	}

	/** Every request still waiting for a leader, oldest first; callers keep what the leader may decide. */
	public List<Extension> pending() {
		return extensions.requested();
	}

	public record Page(List<Extension> items, long total) {
	}

	/** The extensions a leader decided, newest first. */
	public Page decidedBy(String user, Paging paging) {
		return new Page(extensions.decidedBy(user, paging.offset(), paging.size()), extensions.countDecidedBy(user));
	}

	/** The case deadline an approval of {@code amount} gives: the deadline moved on the power's calendar. */
	public Instant movedDeadline(CaseSchedule clock, String amount) {
		return workingTime.deadline(clock.deadline(), amount, clock.calendar()).deadline();
	}

	@Transactional
	public Extension request(String caseId, String amount, String reason, String by) {
		if (amount == null || amount.isBlank()) {
			throw new IllegalArgumentException("amount is required, e.g. P10D");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason is required");
		}
		if (reason.length() > MAX_TEXT) {
			throw new IllegalArgumentException("reason is longer than " + MAX_TEXT + " characters");
		}
		CaseSchedule clock = runningCases.clock(caseId);
		Instant now = now();
		// Malformed, zero or negative amounts fail here with a precise 400.
		Instant extended = workingTime.deadline(now, amount.trim(), clock.calendar()).deadline();
		String maximum = maximum(caseId);
		if (extended.isAfter(workingTime.deadline(now, maximum, clock.calendar()).deadline())) {
			throw new UnprocessableException("an extension of " + amount + " exceeds the maximum of " + maximum);
		}
		extensions.ofCase(caseId).ifPresent(existing -> {
			throw new ConflictException("case " + caseId + " already has an extension (" + existing.status()
					+ "); the law allows one");
		});
		Extension extension = new Extension(UUID.randomUUID().toString(), caseId, amount.trim(), reason.trim(), by, now,
				Extension.Status.REQUESTED, null, null, null, null, null);
		extensions.insert(extension);
		audit.record(AuditAction.EXTENSION_REQUESTED, by, "case", caseId,
				Map.of("amount", extension.amount(), "reason", extension.reason()));
		Optional<PowerDescription> power = power(caseId);
		events.publishEvent(new ExtensionRequested(extension, power.map(PowerDescription::name).orElse(null),
				power.map(PowerDescription::department).orElse(null)));
		return extension;
	}

	@Transactional
	public Extension approve(String caseId, String by, String note) {
		checkNote(note);
		CaseSchedule clock = runningCases.clock(caseId);
		Extension extension = pending(caseId);
		Instant now = now();
		if (!now.isBefore(clock.deadline())) {
			throw new ConflictException("the case's deadline " + clock.deadline() + " has passed; an extension must be "
					+ "decided within the limit");
		}
		Instant deadline = movedDeadline(clock, extension.amount());
		Duration added = workingTime.workingTimeBetween(clock.deadline(), deadline, java.util.List.of(), clock.calendar());
		Instant warnAt = clock.warnAt().isAfter(now)
				? workingTime.plusWorkingTime(clock.warnAt(), added, clock.calendar()) : clock.warnAt();
		clocks.moveCase(caseId, warnAt, deadline);
		for (Job timer : management.createJobQuery().processInstanceId(caseId).timers().list()) {
			// The case pair's timers live on the case's own execution; the steps' on their scopes.
			if (!caseId.equals(timer.getExecutionId())) {
				continue;
			}
			Instant due = timer.getDuedate().toInstant();
			if (due.equals(clock.deadline())) {
				management.setJobDuedate(timer.getId(), Date.from(deadline));
			}
			else if (due.equals(clock.warnAt())) {
				management.setJobDuedate(timer.getId(), Date.from(warnAt));
			}
		}
		decide(extension, Extension.Status.APPROVED, by, now, note, clock.deadline(), deadline);
		return extensions.ofCase(caseId).orElseThrow();
	}

	@Transactional
	public Extension reject(String caseId, String by, String note) {
		checkNote(note);
		// A refusal says why, so the handler who asked knows what to do next.
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("note is required: the reason the extension is refused");
		}
		runningCases.clock(caseId);
		Extension extension = pending(caseId);
		decide(extension, Extension.Status.REJECTED, by, now(), note, null, null);
		return extensions.ofCase(caseId).orElseThrow();
	}

	private void decide(Extension extension, Extension.Status status, String by, Instant at, String note,
			Instant oldDeadline, Instant newDeadline) {
		if (!extensions.decide(extension.id(), status, by, at, note, oldDeadline, newDeadline)) {
			throw new ConflictException("the extension of case " + extension.caseId() + " was decided meanwhile");
		}
		Map<String, Object> facts = new java.util.HashMap<>();
		facts.put("amount", extension.amount());
		facts.put("note", note);
		facts.put("newDeadline", newDeadline);
		audit.record(status == Extension.Status.APPROVED ? AuditAction.EXTENSION_APPROVED : AuditAction.EXTENSION_REJECTED,
				by, "case", extension.caseId(), facts);
		events.publishEvent(new ExtensionDecided(extensions.ofCase(extension.caseId()).orElseThrow(),
				power(extension.caseId()).map(PowerDescription::name).orElse(null)));
	}

	private static void checkNote(String note) {
		if (note != null && note.length() > MAX_TEXT) {
			throw new IllegalArgumentException("note is longer than " + MAX_TEXT + " characters");
		}
	}

	private Extension pending(String caseId) {
		Extension extension = extensions.ofCase(caseId)
			.orElseThrow(() -> new NotFoundException("case " + caseId + " has no extension request"));
		if (extension.status() != Extension.Status.REQUESTED) {
			throw new ConflictException("the extension of case " + caseId + " is already " + extension.status());
		}
		return extension;
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
