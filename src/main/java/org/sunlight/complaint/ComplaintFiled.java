package org.sunlight.complaint;

import java.util.List;

/**
 * Published inside the transaction that filed the complaint: its number and case, what it is
 * about (a label for people, never the complainant), the department that handles complaints and
 * the posts its first step went to.
 */
public record ComplaintFiled(String complaintNumber, String caseId, String subject, String department,
		List<String> posts) {
}
