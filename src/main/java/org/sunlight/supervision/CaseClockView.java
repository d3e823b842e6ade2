package org.sunlight.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A case's clock as the API shows it: its schedule, its lamp, whether it is paused and every
 * pause with its reason.
 */
public record CaseClockView(String caseId, String timeLimit, String calendar, OffsetDateTime startedAt,
		OffsetDateTime warnAt, OffsetDateTime deadline, boolean covered, Lamp lamp, Clock clock) {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public record Clock(boolean paused, List<PauseView> pauses) {
	}

	public record PauseView(OffsetDateTime from, OffsetDateTime to, PauseCategory category, String reason, String by,
			String endedBy, Duration paused) {
	}

	public static CaseClockView of(CaseSchedule schedule, List<ClockPause> pauses, java.time.Instant now) {
		boolean paused = pauses.stream().anyMatch(ClockPause::open);
		List<PauseView> views = pauses.stream()
			.map(p -> new PauseView(at(p.from()), p.to() == null ? null : at(p.to()), p.category(), p.reason(), p.by(),
					p.endedBy(), p.paused()))
			.toList();
		return new CaseClockView(schedule.caseId(), schedule.timeLimit(), schedule.calendar(), at(schedule.startedAt()),
				at(schedule.warnAt()), at(schedule.deadline()), schedule.covered(),
				Lamp.of(now, schedule.warnAt(), schedule.deadline(), paused, false), new Clock(paused, views));
	}

	private static OffsetDateTime at(java.time.Instant instant) {
		return instant.atZone(ZONE).toOffsetDateTime();
	}

}
