package org.sunlight.audit;

import java.time.Instant;

/**
 * The chain's head at a moment, signed with the audit key and kept outside the database: the
 * chain had {@code chainPos} records, the last with {@code hash}, keyed from {@code keyedFrom}.
 * {@code keyId} names the key that signed it.
 */
public record AuditCheckpoint(long chainPos, String hash, long keyedFrom, Instant at, String keyId) {
}
