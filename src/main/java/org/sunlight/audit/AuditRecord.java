package org.sunlight.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One act in the audit trail. {@code chainPos}, {@code prevHash} and {@code hash} are null until
 * the record is sealed into the chain (within about a second of its commit).
 */
public record AuditRecord(String id, Instant recordedAt, String actor, String action, String subjectType,
		String subjectId, Map<String, String> details, Long chainPos, String prevHash, String hash) {

	public boolean sealed() {
		return hash != null;
	}

}
