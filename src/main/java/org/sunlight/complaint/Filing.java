package org.sunlight.complaint;

import jakarta.validation.constraints.Size;
import org.sunlight.system.Columns;

/**
 * A complaint as the portal sends it: the subject ({@code subjectKind} CASE with {@code caseNumber}
 * and {@code caseQueryCode}, POWER with {@code powerCode}, DEPARTMENT with {@code departmentId}),
 * the text, named ({@code name}, {@code phone}) or {@code anonymous}, and the solved challenge.
 */
public record Filing(@Size(max = Columns.CODE) String subjectKind, @Size(max = Columns.ID) String caseNumber,
		@Size(max = Columns.CODE) String caseQueryCode, @Size(max = Columns.ID) String powerCode,
		@Size(max = Columns.ID) String departmentId, @Size(max = Columns.TEXT) String text, Boolean anonymous,
		@Size(max = Complaints.MAX_NAME) String name, @Size(max = Columns.CODE) String phone,
		@Size(max = Columns.TEXT) String challenge) {
}
