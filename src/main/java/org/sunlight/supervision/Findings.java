package org.sunlight.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.system.ConflictException;

/**
 * Findings (查实认定): a supervisor says why an escalated step or case ran late (one per
 * escalation), or the discipline office finds a complaint substantiated against a step or a
 * department (one per complaint). They feed the statistics and the departments' evaluation.
 */
@Service
public class Findings {

	static final int MAX_NOTE = 2000;

	private final Escalations escalations;
	private final JdbcTemplate jdbc;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	Findings(Escalations escalations, JdbcTemplate jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.escalations = escalations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Finding record(String escalationId, String kind, String note, String by) {
		Escalation escalation = escalations.get(escalationId);
		FindingKind parsed = kind(kind);
		if (note != null && note.length() > MAX_NOTE) {
			throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
		}
		if (parsed != FindingKind.JUSTIFIED_DELAY && (note == null || note.isBlank())) {
			throw new IllegalArgumentException("a finding of fault needs a note saying what was found");
		}
		if (ofEscalation(escalationId).isPresent()) {
			throw new ConflictException("escalation " + escalationId + " already has a finding");
		}
		return insert(new Finding(UUID.randomUUID().toString(), escalationId, escalation.caseId(),
				escalation.taskId(), escalation.department(), parsed, note == null ? null : note.trim(), by, now(), null),
				"escalation", escalationId);
	}

	/**
	 * The finding of a substantiated complaint: against the step {@code taskId} of the case
	 * {@code caseId}, or against {@code department} alone (both null). Only a fault is a finding
	 * here; a complaint found unsubstantiated records none.
	 */
	@Transactional
	public Finding recordOfComplaint(String complaintId, String caseId, String taskId, String department,
			FindingKind kind, String note, String by) {
		if (!kind.atFault()) {
			throw new IllegalArgumentException("a complaint's finding is a fault: " + kind + " is not one");
		}
		if (jdbc.queryForObject("select count(*) from sl_finding where complaint_id = ?", Integer.class,
				complaintId) > 0) {
			throw new ConflictException("complaint " + complaintId + " already has a finding");
		}
		String trimmed = note == null ? null : note.trim();
		if (trimmed != null && trimmed.length() > MAX_NOTE) {
			trimmed = trimmed.substring(0, MAX_NOTE);
		}
		return insert(new Finding(UUID.randomUUID().toString(), null, caseId, taskId, department, kind, trimmed, by,
				now(), complaintId), "complaint", complaintId);
	}

	private Finding insert(Finding finding, String subjectType, String subjectId) {
		jdbc.update("""
				insert into sl_finding (id, escalation_id, case_id, task_id, department, kind, note, recorded_by, recorded_at,
				  complaint_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", finding.id(), finding.escalationId(),
				finding.caseId(), finding.taskId(), finding.department(), finding.kind().name(), finding.note(),
				finding.recordedBy(), Timestamp.from(finding.recordedAt()), finding.complaintId());
		Map<String, Object> facts = new java.util.HashMap<>();
		facts.put("kind", finding.kind());
		facts.put("caseId", finding.caseId() == null ? "" : finding.caseId());
		facts.put("department", finding.department() == null ? "" : finding.department());
		facts.put("note", finding.note() == null ? "" : finding.note());
		audit.record(AuditAction.FINDING_RECORDED, finding.recordedBy(), subjectType, subjectId, facts);
		events.publishEvent(new FindingRecorded(finding));
		return finding;
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public Optional<Finding> ofEscalation(String escalationId) {
		return jdbc.query("select * from sl_finding where escalation_id = ?", (rs, n) -> map(rs), escalationId)
			.stream()
			.findFirst();
	}

	public List<Finding> ofCase(String caseId) {
		return jdbc.query("select * from sl_finding where case_id = ? order by recorded_at", (rs, n) -> map(rs),
				caseId);
	}

	private static Finding map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Finding(rs.getString("id"), rs.getString("escalation_id"), rs.getString("case_id"),
				rs.getString("task_id"), rs.getString("department"), FindingKind.valueOf(rs.getString("kind")),
				rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("complaint_id"));
	}

	private static FindingKind kind(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("kind is required; allowed: " + Arrays.toString(FindingKind.values()));
		}
		try {
			return FindingKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown finding kind '" + value + "'; allowed: " + Arrays.toString(FindingKind.values()));
		}
	}

}
