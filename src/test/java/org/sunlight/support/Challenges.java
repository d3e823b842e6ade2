package org.sunlight.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.altcha.altcha.Altcha;
import org.springframework.test.web.servlet.MockMvc;

/** The complaint form's proof-of-work challenge, fetched and solved the way the portal's widget does. */
public final class Challenges {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Challenges() {
	}

	/** A fresh challenge from the server, as JSON fields. */
	public static Map<String, Object> fetch(MockMvc mvc) throws Exception {
		String body = mvc.perform(get("/api/public/complaints/challenge")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	/** The number whose hash with the salt is the challenge. */
	public static long solve(Map<String, Object> challenge) throws Exception {
		Altcha.Solution solution = Altcha.solveChallenge((String) challenge.get("challenge"),
				(String) challenge.get("salt"), Altcha.Algorithm.SHA256,
				((Number) challenge.get("maxnumber")).longValue(), 0);
		if (solution == null) {
			throw new AssertionError("the challenge has no solution below its maximum");
		}
		return solution.number;
	}

	/** The widget's answer: base64 JSON of the challenge with the number found. */
	public static String payload(Map<String, Object> challenge, long number) throws Exception {
		String text = JSON.writeValueAsString(Map.of("algorithm", challenge.get("algorithm"), "challenge",
				challenge.get("challenge"), "number", number, "salt", challenge.get("salt"), "signature",
				challenge.get("signature")));
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A freshly fetched and solved challenge, ready to send. */
	public static String solved(MockMvc mvc) throws Exception {
		Map<String, Object> challenge = fetch(mvc);
		return payload(challenge, solve(challenge));
	}

}
