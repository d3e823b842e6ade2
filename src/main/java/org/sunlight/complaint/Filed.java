package org.sunlight.complaint;

import java.time.OffsetDateTime;

/** What the complainant gets on filing: the complaint number and the query code to follow it. */
public record Filed(String complaintNumber, String queryCode, OffsetDateTime filedAt, OffsetDateTime acceptBy) {
}
