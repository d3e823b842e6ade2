package org.sunlight.complaint.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.altcha.altcha.Altcha;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.sunlight.system.ConflictException;
import org.sunlight.system.InvalidParameterException;

/**
 * The proof-of-work challenge on filing a complaint: ALTCHA ({@code org.altcha:altcha}), signed
 * with an HMAC key and valid for {@code validity}; no image, no third party, works offline. A
 * solution is used once: its signature goes into {@code sl_complaint_challenge} (a primary key,
 * so two nodes cannot both accept it).
 */
@Component
public class ComplaintChallenges {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Logger log = LoggerFactory.getLogger(ComplaintChallenges.class);

	private final JdbcTemplate jdbc;
	private final String key;
	private final long maxNumber;
	private final Duration validity;

	ComplaintChallenges(JdbcTemplate jdbc, @Value("${sunlight.complaints.challenge-key:}") String key,
			@Value("${sunlight.complaints.challenge-max-number:50000}") long maxNumber,
			@Value("${sunlight.complaints.challenge-validity:PT10M}") Duration validity) {
		this.jdbc = jdbc;
		if (key.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			key = HexFormat.of().formatHex(random);
			log.info("No sunlight.complaints.challenge-key: a random one for this node (set one shared key for several nodes)");
		}
		this.key = key;
		this.maxNumber = maxNumber;
		this.validity = validity;
	}

	/** A challenge as the altcha widget reads it. */
	public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
	}

	public Challenge create() {
		try {
			Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(key)
				.setMaxNumber(maxNumber)
				.setExpiresInSeconds(validity.toSeconds()));
			return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make a challenge", ex);
		}
	}

	/**
	 * Checks the widget's solution (base64 JSON) and uses it up, in a statement of its own that
	 * stays done even if the filing fails later: one solution, one try.
	 */
	public void verifyAndUse(String payload) {
		String signature = null;
		try {
			if (Altcha.verifySolution(payload.trim(), key, true)) {
				signature = JSON.readTree(Base64.getDecoder().decode(payload.trim())).path("signature").asText(null);
			}
		}
		catch (Exception ex) {
			// Not base64, not JSON, fields missing: as invalid as a wrong number.
		}
		if (signature == null || signature.isBlank() || signature.length() > 128) {
			throw new InvalidParameterException("complaint.challengeInvalid", "the challenge solution is not valid");
		}
		try {
			jdbc.update("insert into sl_complaint_challenge (signature, used_at) values (?, ?)", signature,
					Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("this challenge solution was already used: solve a new challenge");
		}
	}

	/** Used solutions older than {@code before} can go: their challenges have long expired. */
	public int forgetUsedBefore(Instant before) {
		return jdbc.update("delete from sl_complaint_challenge where used_at < ?", Timestamp.from(before));
	}

	public Duration validity() {
		return validity;
	}

}
