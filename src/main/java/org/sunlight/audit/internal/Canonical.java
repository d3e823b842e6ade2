package org.sunlight.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sunlight.audit.AuditRecord;

/**
 * The canonical text of a record and its chain hash over the previous record's hash and this
 * record's fields in a fixed order, details as JSON with sorted keys. Any change to a stored
 * field, or a record removed or moved, changes a hash. Records from the chain's keying point on
 * are hashed with HMAC-SHA256 under the {@link AuditKey}; records sealed before Sunlight keyed
 * its chain keep their plain SHA-256 hash.
 */
public final class Canonical {

	public static final String GENESIS = "0".repeat(64);

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private Canonical() {
	}

	public static String details(Map<String, String> details) {
		try {
			return JSON.writeValueAsString(new TreeMap<>(details));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> details(String json) {
		try {
			return JSON.readerForMapOf(String.class).readValue(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unreadable audit details: " + json, ex);
		}
	}

	/** The text the hash covers; {@code details} is the stored JSON, exactly as stored. */
	public static String text(AuditRecord r, long chainPos, String storedDetails) {
		return String.join("\n", Long.toString(chainPos), r.id(), instant(r.recordedAt()), r.actor(), r.action(),
				r.subjectType(), r.subjectId() == null ? "" : r.subjectId(), storedDetails);
	}

	/** What the key signs to mark the first position of the keyed chain. */
	public static String keyingPoint(long keyedFrom) {
		return "sunlight-audit-keyed-from\n" + keyedFrom;
	}

	/** The hash of a record sealed under the key; {@code mac} is reset afterwards, ready for the next. */
	public static String hash(Mac mac, String prevHash, String text) {
		mac.update(prevHash.getBytes(StandardCharsets.US_ASCII));
		mac.update((byte) '\n');
		mac.update(text.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac.doFinal());
	}

	/** The hash of a record sealed before the chain was keyed: anyone can compute it. */
	public static String hash(String prevHash, String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
			sha.update((byte) '\n');
			sha.update(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static String instant(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

}
