package org.sunlight.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain and signs its checkpoints (HMAC-SHA256, the JDK's own).
 * It never goes into the database: a database writer without it cannot compute a valid hash.
 */
public final class AuditKey {

	/** 256 bits: HMAC-SHA256's block of security; shorter keys are refused. */
	public static final int MIN_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec secret;
	private final String id;

	public AuditKey(byte[] secret) {
		if (secret.length < MIN_BYTES) {
			throw new IllegalArgumentException(
					"the audit key has " + secret.length + " bytes; it needs at least " + MIN_BYTES);
		}
		this.secret = new SecretKeySpec(secret, ALGORITHM);
		this.id = sign("sunlight-audit-key-id").substring(0, 16);
	}

	/** A fingerprint that names the key in checkpoints and messages without revealing it. */
	public String id() {
		return id;
	}

	/** A fresh MAC under this key; one per thread, reused across a batch (doFinal resets it). */
	public Mac mac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(secret);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	public String sign(String text) {
		return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
	public boolean signed(String text, String signature) {
		return signature != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
