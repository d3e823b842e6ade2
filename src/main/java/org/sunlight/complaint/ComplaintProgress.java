package org.sunlight.complaint;

import java.time.OffsetDateTime;
import java.util.List;

import org.sunlight.supervision.Lamp;

/**
 * A complaint as its complainant follows it: what it is about, where it stands, the steps done with
 * their dates and posts (never people), and the answer or the reason for refusing it. Nothing
 * personal: not even the complainant's own name or phone.
 */
public record ComplaintProgress(String complaintNumber, SubjectKind subjectKind, String subject,
		OffsetDateTime filedAt, Status status, OffsetDateTime deadline, Lamp lamp, List<Step> steps,
		Conclusion conclusion, String answer, String refusalReason, OffsetDateTime closedAt) {

	/** What a complaint is about. */
	public enum SubjectKind {
		CASE, POWER, DEPARTMENT
	}

	/** 待受理, 调查核实中, 待答复, 已答复, 不予受理. */
	public enum Status {
		RECEIVED, INVESTIGATING, ANSWERING, ANSWERED, REFUSED
	}

	/** 属实, 部分属实, 不属实. */
	public enum Conclusion {
		SUBSTANTIATED, PARTLY, UNSUBSTANTIATED
	}

	/** A step done ({@code endedAt} set) or open, with the posts that hold it. */
	public record Step(String name, List<String> responsible, OffsetDateTime startedAt, OffsetDateTime endedAt,
			OffsetDateTime deadline, Lamp lamp) {
	}

}
