package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** An escalation as API.md shows it: instants in China Standard Time, lateness as a duration. */
public record EscalationView(String id, EscalationLevel level, Escalation.Scope scope, Escalation.Status status,
		String caseId, String caseNumber, String powerCode, String powerName, String taskId, String stepId, String stepName,
		String responsible, String supervisor, String department, OffsetDateTime raisedAt,
		OffsetDateTime deadline, OffsetDateTime resolvedAt, Duration lateness, String acknowledgedBy,
		OffsetDateTime acknowledgedAt, String note, List<String> leaders) {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static EscalationView of(Escalation e) {
		return new EscalationView(e.id(), e.level(), e.scope(), e.status(), e.caseId(), e.caseNumber(), e.powerCode(),
				e.powerName(), e.taskId(), e.stepId(), e.stepName(), e.responsible(), e.supervisor(),
				e.department(), at(e.raisedAt()), at(e.deadline()), at(e.resolvedAt()), e.lateness(),
				e.acknowledgedBy(), at(e.acknowledgedAt()), e.note(),
				e.leaders() == null ? List.of() : List.of(e.leaders().split(",")));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
	}

}
