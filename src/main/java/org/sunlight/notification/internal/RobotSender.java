package org.sunlight.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sunlight.notification.Channel;

/**
 * IM group robots by webhook: DingTalk's custom robot (markdown message, optionally signed with
 * HMAC-SHA256 over {@code timestamp + "\n" + secret}) and WeCom's group robot (markdown message).
 * Both answer HTTP 200 with {@code errcode} 0 on success; anything else is a failed attempt.
 */
abstract class RobotSender implements Sender {

	private final NotificationProperties properties;
	private final ObjectMapper json;
	private final HttpClient http;

	RobotSender(NotificationProperties properties, ObjectMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.getRobotTimeout()).build();
	}

	@Override
	public void send(OutboxStore.Claimed message) throws Exception {
		NotificationProperties.Robot robot = properties.getRobots().stream()
			.filter(r -> r.getName().equals(message.address()) && r.getKind() == channel())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + channel() + " robot named " + message.address()
					+ " is configured any more"));
		String text = "### " + message.subject() + "\n\n" + message.body()
				+ (message.link() == null ? "" : "\n\n[查看](" + properties.getBaseUrl() + message.link() + ")");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(robot)))
			.timeout(properties.getRobotTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(message.subject(), text)),
					StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(channel() + " robot " + robot.getName() + " answered HTTP "
					+ response.statusCode());
		}
		JsonNode answer = json.readTree(response.body());
		if (answer.path("errcode").asInt(-1) != 0) {
			throw new IllegalStateException(channel() + " robot " + robot.getName() + " refused the message: "
					+ answer.path("errmsg").asText(response.body()));
		}
	}

	abstract String url(NotificationProperties.Robot robot) throws Exception;

	abstract Map<String, Object> body(String title, String markdown);

	/** DingTalk's custom robot with its signing. */
	@org.springframework.stereotype.Component
	static class DingTalk extends RobotSender {

		DingTalk(NotificationProperties properties, ObjectMapper json) {
			super(properties, json);
		}

		@Override
		public Channel channel() {
			return Channel.DINGTALK;
		}

		@Override
		String url(NotificationProperties.Robot robot) throws Exception {
			if (robot.getSecret() == null || robot.getSecret().isBlank()) {
				return robot.getWebhook();
			}
			// DingTalk refuses a timestamp more than an hour from its own time: the wall clock, not the engine's.
			long timestamp = System.currentTimeMillis();
			return robot.getWebhook() + (robot.getWebhook().contains("?") ? "&" : "?") + "timestamp=" + timestamp
					+ "&sign=" + URLEncoder.encode(sign(timestamp, robot.getSecret()), StandardCharsets.UTF_8);
		}

		/** Base64 of HMAC-SHA256, keyed with the secret, over {@code timestamp + "\n" + secret}. */
		static String sign(long timestamp, String secret) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder()
				.encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
		}

		@Override
		Map<String, Object> body(String title, String markdown) {
			return Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", markdown));
		}

	}

	/** WeCom's (企业微信) group robot. */
	@org.springframework.stereotype.Component
	static class WeCom extends RobotSender {

		WeCom(NotificationProperties properties, ObjectMapper json) {
			super(properties, json);
		}

		@Override
		public Channel channel() {
			return Channel.WECOM;
		}

		@Override
		String url(NotificationProperties.Robot robot) {
			return robot.getWebhook();
		}

		@Override
		Map<String, Object> body(String title, String markdown) {
			return Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
		}

	}

}
