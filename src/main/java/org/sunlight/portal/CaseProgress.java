package org.sunlight.portal;

import java.time.OffsetDateTime;
import java.util.List;

import org.sunlight.supervision.Lamp;
import org.sunlight.supervision.PauseCategory;

/**
 * A case as its applicant may follow it: what was done when, what is open with its deadline and
 * lamp, the clock's pauses by lawful category, and how it ended. No name but the applicant's first
 * character, no ID number, phone, username or handler; posts instead of people.
 */
public record CaseProgress(String caseNumber, String powerCode, String powerName, String departmentName,
		String applicant, String status, String outcome, OffsetDateTime startedAt, OffsetDateTime endedAt,
		OffsetDateTime deadline, Lamp lamp, boolean paused, List<Step> steps, List<PausePeriod> pauses) {

	/** A step done ({@code endedAt} set) or open, with the posts that hold it. */
	public record Step(String name, List<String> responsible, OffsetDateTime startedAt, OffsetDateTime endedAt,
			OffsetDateTime deadline, Lamp lamp, boolean late) {
	}

	/** A stop of the clock: its lawful category and when; never the reason text or who. */
	public record PausePeriod(PauseCategory category, OffsetDateTime from, OffsetDateTime to) {
	}

}
